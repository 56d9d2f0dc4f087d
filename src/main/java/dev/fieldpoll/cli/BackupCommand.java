package dev.fieldpoll.cli;

import dev.fieldpoll.store.CheckReport;
import dev.fieldpoll.store.DatabaseBackup;
import dev.fieldpoll.store.DatabaseCheck;
import dev.fieldpoll.store.DatabaseTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A consistent copy of the database, also while the bot runs, checked once written. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Copy the database to a new SQLite file: one consistent snapshot, also while fieldpoll runs "
                + "(from PostgreSQL too: every row, in a file fieldpoll reads like its own; the server's own "
                + "backup is pg_dump). The copy is then checked like `fieldpoll check` does.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:copied, and the copy is healthy",
            "1:the copy has problems, or FILE exists already",
            "2:the database cannot be read, or a configuration error"
        })
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "FILE",
            description = "The new file to write (never overwritten).")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Quiet.logging();
        if (Files.exists(target)) {
            throw new UserInputException("The backup file " + target + " exists already. Name a new file; "
                    + "a backup never overwrites one.");
        }
        DatabaseTarget source = options.load().database();
        long bytes = new DatabaseBackup(source).copyTo(target);
        CheckReport copy = new DatabaseCheck(target).run();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Backed up %s to %s (%,.1f KB).%n", source.name(), target, bytes / 1024.0);
        if (source instanceof DatabaseTarget.Postgres) {
            out.println("The copy is a SQLite file with every poll, vote and secret (fieldpoll opens it with --db). "
                    + "For the server itself use PostgreSQL's own tools: pg_dump -Fc, or its base backups.");
        }
        out.print(CheckReportText.of(copy));
        out.flush();
        return copy.healthy() ? 0 : CliErrors.FAILURE;
    }
}
