package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.poll.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns expected failures into one line on stderr and an exit code; never a stack trace for them. */
public final class CliErrors implements IExecutionExceptionHandler {

    public static final int CONFIGURATION = 2;
    public static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        if (failure instanceof ConfigException
                || failure instanceof StoreException
                || failure instanceof UserInputException) {
            command.getErr().println("fieldpoll: " + failure.getMessage());
            return failure instanceof UserInputException ? FAILURE : CONFIGURATION;
        }
        command.getErr().println("fieldpoll: unexpected error: " + failure);
        if (System.getenv("FIELDPOLL_DEBUG") != null) {
            failure.printStackTrace(command.getErr());
        } else {
            command.getErr().println("Run again with FIELDPOLL_DEBUG=1 for details.");
        }
        return FAILURE;
    }
}
