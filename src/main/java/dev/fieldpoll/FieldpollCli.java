package dev.fieldpoll;

import dev.fieldpoll.cli.AnalyzeCommand;
import dev.fieldpoll.cli.BackupCommand;
import dev.fieldpoll.cli.CheckCommand;
import dev.fieldpoll.cli.CliErrors;
import dev.fieldpoll.cli.ConsoleCommand;
import dev.fieldpoll.cli.ExportCommand;
import dev.fieldpoll.cli.MigrateCommand;
import dev.fieldpoll.cli.RunCommand;
import dev.fieldpoll.cli.SimulateCommand;
import dev.fieldpoll.cli.SummaryCommand;
import dev.fieldpoll.cli.WebCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** fieldpoll's entry point. Without a subcommand it runs the bot ({@code run}). */
@Command(
        name = "fieldpoll",
        mixinStandardHelpOptions = true,
        version = "fieldpoll 0.1.0",
        description = "Community polls that score fields on factors, with honest uncertainty and disagreement.",
        subcommands = {
            RunCommand.class,
            ConsoleCommand.class,
            SimulateCommand.class,
            AnalyzeCommand.class,
            ExportCommand.class,
            SummaryCommand.class,
            BackupCommand.class,
            CheckCommand.class,
            MigrateCommand.class,
            WebCommand.class
        })
public final class FieldpollCli implements Callable<Integer> {

    @Mixin
    private RunCommand run;

    @Override
    public Integer call() throws Exception {
        return run.call();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new FieldpollCli())
                .setExecutionExceptionHandler(new CliErrors())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }
}
