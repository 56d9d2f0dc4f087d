package dev.fieldpoll.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * The cheap check before Flyway: when the schema history already lists exactly this build's
 * migrations, applied successfully with the checksums Flyway gave them, there is nothing to
 * migrate and nothing to validate, and Flyway (several hundred classes, most of a start on a
 * small machine) is not loaded at all. Anything else, a new file included, goes to Flyway.
 */
final class SchemaHistory {

    /** The portable migrations; each database's own are in {@link SqlDialect#migrationLocations()}. */
    static final String LOCATION = "db/migration";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__\\w+\\.sql");

    private SchemaHistory() {}

    /** The schema version when the database needs no migration and no validation; empty when Flyway must look. */
    static Optional<String> upToDate(DataSource dataSource, ClassLoader loader, List<String> locations) {
        Map<String, String> bundled = bundled(loader, locations);
        if (bundled.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> applied = applied(dataSource);
        if (!applied.equals(bundled)) {
            return Optional.empty();
        }
        return Optional.of(
                Collections.max(bundled.keySet(), (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))));
    }

    /**
     * Version → "script checksum" of every successful SQL migration in the history; empty when
     * there is no history, and with a marker entry when a row is anything but a successful SQL
     * migration (failed, baseline, repeatable, undo), so that it never equals what the build bundles.
     */
    static Map<String, String> applied(DataSource dataSource) {
        Map<String, String> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, type, script, checksum, success FROM flyway_schema_history")) {
            while (rows.next()) {
                String version = rows.getString("version");
                String script = rows.getString("script") + " " + rows.getInt("checksum");
                // SQLite keeps success as 1, PostgreSQL as a boolean: getBoolean reads both
                boolean plain = version != null && "SQL".equals(rows.getString("type")) && rows.getBoolean("success");
                applied.put(plain ? version : "unexpected row " + applied.size(), script);
            }
        } catch (SQLException noHistory) {
            return Map.of();
        }
        return applied;
    }

    /**
     * Version → "script checksum" (Flyway's) of every versioned migration in the locations on the
     * class path. Empty when they cannot be listed, or when two locations hold the same version.
     */
    static Map<String, String> bundled(ClassLoader loader, List<String> locations) {
        Map<String, String> bundled = new HashMap<>();
        try {
            for (String location : locations) {
                for (String name : names(loader, location)) {
                    Matcher versioned = VERSIONED.matcher(name);
                    if (!versioned.matches()) {
                        continue;
                    }
                    try (InputStream in = loader.getResourceAsStream(location + "/" + name)) {
                        String version = Integer.toString(Integer.parseInt(versioned.group(1)));
                        if (in == null || bundled.put(version, name + " " + checksum(in)) != null) {
                            return Map.of();
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException unlisted) {
            return Map.of();
        }
        return bundled;
    }

    /**
     * Flyway's checksum of a migration: CRC-32 over its lines as UTF-8, without line breaks and
     * without a byte-order mark. Should Flyway ever compute it otherwise, the check only fails
     * and Flyway runs, as before.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = reader.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    /** The file names in a migration folder, from the jar fieldpoll runs from or from a folder (tests). */
    private static List<String> names(ClassLoader loader, String location) throws IOException, URISyntaxException {
        URL folder = loader.getResource(location);
        if (folder == null) {
            return List.of();
        }
        if (folder.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                return files.map(file -> file.getFileName().toString()).toList();
            }
        }
        URLConnection connection = folder.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return List.of();
        }
        jar.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile file = jar.getJarFile()) {
            String prefix = location + "/";
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                    names.add(name.substring(prefix.length()));
                }
            }
        }
        return names;
    }
}
