package dev.fieldpoll.app;

/** A wrong setting or file: its message is shown to the person starting fieldpoll, without a stack trace. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
