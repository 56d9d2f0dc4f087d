package dev.fieldpoll.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The migrations this build ships, read from migrations/ (the portable ones) and migrations/sqlite
 * or migrations/postgresql (each database's own), so tests need no edit when one is added.
 */
public final class MigrationFiles {

    /** One migration: its file in the repository and the class-path folder the build packs it into. */
    public record Migration(Path file, String location) {

        public String name() {
            return file.getFileName().toString();
        }
    }

    private MigrationFiles() {}

    /** SQLite's migrations: "V5__create_poll_reminders.sql" names, in version order. */
    public static List<String> names() {
        return migrations(TestDatabase.SQLITE).stream().map(Migration::name).toList();
    }

    /** Every migration that makes the given database's schema, in version order. */
    public static List<Migration> migrations(TestDatabase database) {
        List<Migration> all = new ArrayList<>();
        all.addAll(list(Path.of("migrations"), "db/migration"));
        String vendor = database.name().toLowerCase(java.util.Locale.ROOT);
        all.addAll(list(Path.of("migrations", vendor), "db/vendor/" + vendor));
        return all.stream()
                .sorted(Comparator.comparingInt(migration -> versionNumber(migration.name())))
                .toList();
    }

    public static List<String> versions() {
        return names().stream()
                .map(name -> Integer.toString(versionNumber(name)))
                .toList();
    }

    public static String latest() {
        List<String> versions = versions();
        return versions.get(versions.size() - 1);
    }

    /** "V5 create poll reminders", as Flyway describes a migration. */
    public static String described(String name) {
        return "V" + versionNumber(name) + " "
                + name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
    }

    private static List<Migration> list(Path folder, String location) {
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__\\w+\\.sql"))
                    .map(file -> new Migration(file, location))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static int versionNumber(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
