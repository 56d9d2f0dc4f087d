package dev.fieldpoll.cli;

import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseCopy;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Copies a whole database into an empty one: a SQLite file into PostgreSQL, or back. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Copy every poll, vote, schedule, claim, snapshot, reminder and secret of one database into "
                + "another, empty one: a SQLite file into PostgreSQL, or back. Row counts and a checksum of the "
                + "answers are verified before the copy is committed; the source is only read. Stop the bot first, "
                + "or votes cast during the copy stay behind in the source.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:copied and verified",
            "1:the target holds fieldpoll data already, or a bad argument",
            "2:a database cannot be opened, or the copy failed (nothing was kept)"
        })
public final class MigrateCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            required = true,
            paramLabel = "PATH|URL",
            description = "The database to copy: a SQLite file, or jdbc:postgresql://…")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "URL|PATH",
            description = "The empty database to copy into: jdbc:postgresql://HOST:PORT/DATABASE?user=USER "
                    + "(password from FIELDPOLL_DATABASE_PASSWORD), or a new SQLite file.")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Quiet.logging();
        DatabaseTarget source = CommonOptions.target(from);
        DatabaseTarget target = CommonOptions.target(to);
        if (source.equals(target)) {
            throw new UserInputException("--from and --to name the same database; name an empty one to copy into.");
        }
        if (source instanceof DatabaseTarget.SqliteFile file && !Files.isRegularFile(file.file())) {
            throw new UserInputException(
                    "There is no database file " + file.file() + ". Check --from; nothing was created.");
        }
        // The source only read (and refused if it needs an upgrade first); the target brought to this schema.
        try (Database reading =
                        Database.open(source, DatabaseSettings.defaults().withReadOnly(true));
                Database writing = Database.open(target, DatabaseSettings.defaults())) {
            DatabaseCopy.Outcome outcome = new DatabaseCopy(reading, writing).run();
            if (outcome instanceof DatabaseCopy.TargetNotEmpty refused) {
                spec.commandLine()
                        .getErr()
                        .println("fieldpoll: " + target.name() + " holds fieldpoll data already ("
                                + rows(refused.rows()) + "), so nothing was copied. Copy into an empty database.");
                return CliErrors.FAILURE;
            }
            report(source, target, (DatabaseCopy.Copied) outcome);
            return 0;
        }
    }

    private void report(DatabaseTarget source, DatabaseTarget target, DatabaseCopy.Copied copied) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Copied " + source.name() + " into " + target.name() + ":");
        copied.rows().forEach((table, rows) -> out.printf(Locale.ROOT, "  %-22s %,12d%n", table, rows));
        out.println("Verified: every table holds as many rows as in the source, and the answers' SHA-256 matches ("
                + copied.answersChecksum() + ").");
        out.println(
                target instanceof DatabaseTarget.Postgres
                        ? "To run on it, set database.url (FIELDPOLL_DATABASE_URL) to " + target.name() + "."
                        : "To run on it, set database.path (FIELDPOLL_DATABASE_PATH) to " + target.name() + ".");
        out.flush();
    }

    private static String rows(Map<String, Long> tables) {
        return String.join(
                ", ",
                tables.entrySet().stream()
                        .map(table -> String.format(Locale.ROOT, "%,d in %s", table.getValue(), table.getKey()))
                        .toList());
    }
}
