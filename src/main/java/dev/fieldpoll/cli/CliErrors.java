package dev.fieldpoll.cli;

import dev.fieldpoll.app.ConfigException;
import dev.fieldpoll.poll.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns expected failures into one line on stderr and an exit code; never a stack trace for them. */
public final class CliErrors implements IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

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
        // A bug: the user gets one plain line (no class name); the details go to the log and, asked for, here.
        log.debug("Command {} failed", command.getCommandName(), failure);
        command.getErr()
                .println("fieldpoll: something went wrong that fieldpoll did not expect, and the command "
                        + "stopped. Run it again with FIELDPOLL_DEBUG=1 set to see the details.");
        if (System.getenv("FIELDPOLL_DEBUG") != null) {
            failure.printStackTrace(command.getErr());
        }
        return FAILURE;
    }
}
