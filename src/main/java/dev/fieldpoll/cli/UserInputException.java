package dev.fieldpoll.cli;

/** A command-line input that cannot be used (an unusable CSV, an unknown poll): one line for the user. */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
