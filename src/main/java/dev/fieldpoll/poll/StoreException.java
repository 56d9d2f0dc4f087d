package dev.fieldpoll.poll;

/** The store could not read or write: a message for a human, the cause attached. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
