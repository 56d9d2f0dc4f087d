package dev.fieldpoll.cli;

import dev.fieldpoll.store.CheckReport;
import dev.fieldpoll.store.DatabaseCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Verifies a database file without changing it; safe while the bot runs. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Verify a database: integrity and foreign keys (SQLite; PostgreSQL keeps both itself), "
                + "migrations applied and pending, contents. Changes nothing; safe while fieldpoll runs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:healthy", "1:problems found", "2:the file cannot be opened, or a configuration error"})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Quiet.logging();
        CheckReport report = new DatabaseCheck(options.load().database()).run();
        spec.commandLine().getOut().print(CheckReportText.of(report));
        spec.commandLine().getOut().flush();
        return report.healthy() ? 0 : CliErrors.FAILURE;
    }
}
