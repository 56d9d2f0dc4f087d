package dev.fieldpoll.testing;

import dev.fieldpoll.FieldpollCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line as a person would, capturing what it prints and its exit code. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli =
                FieldpollCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(arguments);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
