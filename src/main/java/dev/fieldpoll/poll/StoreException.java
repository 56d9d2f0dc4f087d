package dev.fieldpoll.poll;

/**
 * The store could not read or write: a missing, foreign, read-only or damaged database, a full
 * disk, a refused write. The message is written for the person running fieldpoll and says what
 * to do; the cause keeps the technical detail.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
