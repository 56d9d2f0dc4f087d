package dev.fieldpoll.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where fieldpoll keeps its polls: a SQLite file (the default) or a PostgreSQL database. Its
 * {@link #name()} is what messages and logs show: never a password.
 */
public sealed interface DatabaseTarget permits DatabaseTarget.SqliteFile, DatabaseTarget.Postgres {

    String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** The file or the address, for messages and logs, without any password. */
    String name();

    /**
     * A {@code --db} or {@code database.url} value: a {@code jdbc:postgresql:} URL is a PostgreSQL
     * database (with the password given, if any), anything else a SQLite file.
     *
     * @throws IllegalArgumentException for a JDBC URL of another database
     */
    static DatabaseTarget parse(String pathOrUrl, Optional<String> password) {
        String text = pathOrUrl.strip();
        if (text.startsWith(POSTGRES_PREFIX)) {
            return new Postgres(text, password);
        }
        if (text.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "'" + Postgres.redact(text) + "' is not a PostgreSQL URL "
                            + "(jdbc:postgresql://host:port/database); for a SQLite file give its path, like data/fieldpoll.db");
        }
        return new SqliteFile(Path.of(text));
    }

    /** A SQLite file; created with its folders when missing. */
    record SqliteFile(Path file) implements DatabaseTarget {

        public SqliteFile {
            Objects.requireNonNull(file, "file");
            if (file.toString().isBlank()) {
                throw new IllegalArgumentException("a database file needs a path, like data/fieldpoll.db");
            }
        }

        @Override
        public String name() {
            return file.toString();
        }
    }

    /**
     * A PostgreSQL database. The password (FIELDPOLL_DATABASE_PASSWORD) is kept apart from the URL
     * and never shown; one written into the URL is masked wherever the URL is shown.
     */
    record Postgres(String url, Optional<String> password) implements DatabaseTarget {

        private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
        private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*):[^/@]*@");

        public Postgres {
            Objects.requireNonNull(url, "url");
            password = password == null ? Optional.empty() : password.filter(text -> !text.isEmpty());
            if (!url.startsWith(POSTGRES_PREFIX) || url.length() == POSTGRES_PREFIX.length()) {
                throw new IllegalArgumentException("a PostgreSQL database needs a URL like "
                        + "jdbc:postgresql://localhost:5432/fieldpoll?user=fieldpoll, was '" + redact(url) + "'");
            }
        }

        @Override
        public String name() {
            return redact(url);
        }

        /** Names the URL, never the password. */
        @Override
        public String toString() {
            return "Postgres[" + name() + (password.isPresent() ? ", password set" : "") + "]";
        }

        public static String redact(String url) {
            String masked = URL_PASSWORD.matcher(url).replaceAll("$1***");
            return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1:***@");
        }
    }
}
