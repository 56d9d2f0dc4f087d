package dev.fieldpoll.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** The migrations this build ships, read from migrations/, so tests need no edit when one is added. */
public final class MigrationFiles {

    private MigrationFiles() {}

    /** "V5__create_poll_reminders.sql" names, in version order. */
    public static List<String> names() {
        try (var files = Files.list(Path.of("migrations"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__\\w+\\.sql"))
                    .sorted(Comparator.comparingInt(MigrationFiles::versionNumber))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
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

    private static int versionNumber(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
