package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to this build's migrations, or explains why it cannot: the portable ones
 * (classpath db/migration) and the database's own (db/vendor/sqlite or db/vendor/postgresql), which
 * say in its SQL what the other folder says in the other's, under the same version numbers.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final Subject subject;
    private final Flyway flyway;
    private final StoreErrors errors;

    /**
     * How a message names the database and where to point instead.
     *
     * @param described "the database file data/fieldpoll.db", "the PostgreSQL database jdbc:…"
     * @param elsewhere "point database.path at another file"
     */
    record Subject(String described, String elsewhere) {

        static Subject of(Path file) {
            return new Subject("the database file " + file, "point database.path at another file");
        }

        static Subject of(DatabaseTarget.Postgres database) {
            return new Subject("the PostgreSQL database " + database.name(), "point database.url at another database");
        }

        String capitalized() {
            return Character.toUpperCase(described.charAt(0)) + described.substring(1);
        }
    }

    /** A SQLite file's migrations. */
    Migrations(Path file, DataSource dataSource, StoreErrors errors) {
        this(Subject.of(file), SqlDialect.SQLITE, errors, configuration -> configuration.dataSource(dataSource));
    }

    /**
     * @param connect gives Flyway its connections: a data source that may lend more than one at a time,
     *                as Flyway holds its lock on one while it migrates on another
     */
    Migrations(Subject subject, SqlDialect dialect, StoreErrors errors, UnaryOperator<FluentConfiguration> connect) {
        this.subject = subject;
        this.errors = errors;
        this.flyway = connect.apply(Flyway.configure(Migrations.class.getClassLoader()))
                .locations(dialect.migrationLocations().stream()
                        .map(location -> "classpath:" + location)
                        .toArray(String[]::new))
                .failOnMissingLocations(true)
                // Issues get their migration numbers up front and merge in any order: a database that has
                // V9 and not V6 gets V6 next, rather than being refused as a history that does not match.
                .outOfOrder(true)
                // Flyway ignores migrations newer than the build by default; a newer schema must be refused.
                .ignoreMigrationPatterns(new ValidatePattern[0])
                .cleanDisabled(true)
                .load();
    }

    /** Applies pending migrations; returns the schema version now in force. */
    String migrate() {
        try {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                log.info(
                        "Migrated {} to schema version {} ({} migrations)",
                        subject.described(),
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } catch (FlywayValidateException e) {
            throw incompatible(e);
        } catch (FlywayException e) {
            throw failed(e, "upgrade");
        }
    }

    /** Checks without writing that the schema is exactly this build's, for read-only use; returns its version. */
    String requireCurrent() {
        try {
            flyway.validate();
            return currentVersion();
        } catch (FlywayValidateException e) {
            if (has(MigrationState.PENDING)) {
                throw new StoreException(
                        subject.capitalized() + " needs an upgrade to this fieldpoll's schema, "
                                + "which a read-only open cannot do. Run fieldpoll once with write access to it.",
                        e);
            }
            throw incompatible(e);
        } catch (FlywayException e) {
            throw failed(e, "check");
        }
    }

    /** The schema as this build sees it, read without changing anything: for {@code fieldpoll check}. */
    CheckReport.Section status() {
        MigrationInfo[] all = flyway.info().all();
        List<String> problems = new ArrayList<>();
        problems.addAll(historyProblems());
        if (Arrays.stream(all).noneMatch(info -> info.getState().isApplied())) {
            problems.add("No fieldpoll schema: fieldpoll has never opened " + subject.described() + ".");
        }
        return new CheckReport.Section("schema", summary(all), problems);
    }

    private String summary(MigrationInfo[] all) {
        String version = "version " + currentVersion();
        Optional<MigrationVersion> newer = newestFuture();
        if (newer.isPresent()) {
            return version + ", written by a newer fieldpoll (this build knows up to " + latestKnown() + ")";
        }
        List<String> pending = Arrays.stream(all)
                .filter(info -> info.getState() == MigrationState.PENDING)
                .map(info -> "V" + info.getVersion() + " " + info.getDescription())
                .toList();
        return pending.isEmpty()
                ? version + ", up to date"
                : version + ", " + DatabaseCheck.count(pending.size(), "migration") + " pending, applied when "
                        + "fieldpoll next starts: " + String.join(", ", pending);
    }

    private String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private StoreException incompatible(FlywayValidateException e) {
        Optional<MigrationVersion> newest = newestFuture();
        if (newest.isPresent()) {
            return new StoreException(
                    subject.capitalized() + " was written by a newer fieldpoll (schema version "
                            + newest.get() + "; this build knows up to " + latestKnown() + "). "
                            + "Run that newer fieldpoll, or " + subject.elsewhere() + ".",
                    e);
        }
        List<String> problems = historyProblems();
        return new StoreException(
                subject.capitalized() + " has a schema history that does not match this fieldpoll build ("
                        + (problems.isEmpty() ? "its migrations differ" : String.join("; ", problems)) + "). "
                        + "Restore it from a backup or " + subject.elsewhere() + ".",
                e);
    }

    /**
     * What is wrong with the database's schema history, in fieldpoll's words: Flyway's own messages
     * advise its commands (repair, baseline), which are not fieldpoll's way to fix a database.
     */
    private List<String> historyProblems() {
        List<String> problems = new ArrayList<>();
        for (ValidateOutput invalid : flyway.validateWithResult().invalidMigrations) {
            ErrorCode code = invalid.errorDetails.errorCode;
            if (code == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED) {
                continue; // pending: applied at the next start, not a problem
            }
            problems.add("V" + invalid.version + " " + invalid.description + ": " + reason(code));
        }
        return problems;
    }

    private static String reason(ErrorCode errorCode) {
        if (!(errorCode instanceof CoreErrorCode code)) {
            return "does not match this build's migrations";
        }
        return switch (code) {
            case CHECKSUM_MISMATCH -> "changed after it was applied";
            case FAILED_VERSIONED_MIGRATION, FAILED_REPEATABLE_MIGRATION -> "failed when it was applied";
            case APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED, APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED ->
                "applied by another fieldpoll build, unknown to this one";
            case TYPE_MISMATCH, DESCRIPTION_MISMATCH -> "applied, but not as this build's migration of that version";
            default -> "does not match this build's migrations";
        };
    }

    private StoreException failed(FlywayException e, String verb) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return errors.translate(sql, verb + " the schema of " + subject.described());
            }
        }
        // Flyway's message advises its own commands; the person running fieldpoll gets fieldpoll's advice.
        log.warn("Flyway could not {} the schema of {}", verb, subject.described(), e);
        return new StoreException(
                "Could not " + verb + " the schema of " + subject.described() + ". Restore it from a backup or "
                        + subject.elsewhere() + "; the log has the details.",
                e);
    }

    private Optional<MigrationVersion> newestFuture() {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo);
    }

    private String latestKnown() {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }

    private boolean has(MigrationState state) {
        return Arrays.stream(flyway.info().all()).anyMatch(info -> info.getState() == state);
    }
}
