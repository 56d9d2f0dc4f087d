package dev.fieldpoll.testing;

import dev.fieldpoll.store.Database;
import dev.fieldpoll.store.DatabaseSettings;
import dev.fieldpoll.store.DatabaseTarget;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for the tests: one server per test JVM (started on first use), a new database
 * per test on it. The server is the one {@code FIELDPOLL_TEST_PG_URL} names (an admin URL, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) if set; else Debian's PostgreSQL
 * package started as a throwaway cluster (trust authentication, no fsync, a free loopback port), as
 * the postgres user when the tests run as root, and stopped with the JVM. Without either, a test that
 * needs it is skipped, except under {@code CI=true}, where it fails: CI must test both databases.
 * Thread-safe: the server starts once (class holder), and the names handed out count atomically.
 */
public final class TestPostgres {

    /** The one role whose login needs a password ({@link #databaseWithPassword}); every other trusts loopback. */
    static final String PASSWORD_ROLE = "fieldpoll_with_password";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String CLUSTER_PREFIX = "fieldpoll-test-pg-";

    private TestPostgres() {}

    /**
     * A new database with fieldpoll's schema and nothing in it, as fieldpoll leaves a database it
     * opened for the first time (its own random results-page secret included); skips (or under CI
     * fails) the calling test when there is no server. Copied from a database this build migrated
     * once per JVM, which is half a second faster per test than migrating each.
     */
    public static DatabaseTarget.Postgres newDatabase() {
        Server server = server();
        DatabaseTarget.Postgres database = server.create("TEMPLATE " + server.template() + " STRATEGY FILE_COPY");
        executeAsAdmin(
                database,
                "UPDATE web_link_secret SET secret = "
                        + "decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')");
        return database;
    }

    /** A new database without any table: for the tests of what fieldpoll does to a database it opens first. */
    public static DatabaseTarget.Postgres newEmptyDatabase() {
        return server().create("");
    }

    /**
     * A new database owned by a role that must log in with a password (SCRAM), and that password;
     * only on the throwaway cluster, whose authentication the tests set.
     */
    public static DatabaseTarget.Postgres databaseWithPassword(String password) {
        Server server = server();
        Assumptions.assumeTrue(
                server.cluster != null,
                "FIELDPOLL_TEST_PG_URL names a server whose logins the " + "tests do not set up");
        String name = newName();
        server.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + PASSWORD_ROLE + "') "
                + "THEN CREATE ROLE " + PASSWORD_ROLE + " LOGIN; END IF; END $$");
        server.execute("ALTER ROLE " + PASSWORD_ROLE + " PASSWORD '" + password.replace("'", "''") + "'");
        server.execute("CREATE DATABASE " + name + " OWNER " + PASSWORD_ROLE);
        server.created.add(name);
        return new DatabaseTarget.Postgres(server.url(name, PASSWORD_ROLE), Optional.of(password));
    }

    /** Runs SQL as the server's superuser in the database (for tests that look behind fieldpoll's back). */
    public static void executeAsAdmin(DatabaseTarget.Postgres database, String sql) {
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Reads with plain JDBC as the server's superuser, behind fieldpoll's back: the first column of each row. */
    public static List<String> strings(DatabaseTarget.Postgres database, String sql) {
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (row.next()) {
                values.add(row.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The one value the query reads. */
    public static String query(DatabaseTarget.Postgres database, String sql) {
        List<String> values = strings(database, sql);
        if (values.size() != 1) {
            throw new IllegalStateException(sql + " read " + values.size() + " rows, not one");
        }
        return values.get(0);
    }

    private static String newName() {
        return "fp_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    private static Server server() {
        Server server = Holder.SERVER;
        if (server.missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(server.missing);
            }
            Assumptions.abort(server.missing);
        }
        return server;
    }

    private static final class Holder {
        static final Server SERVER = Server.start();
    }

    /** The server: its admin URL, or why there is none; the cluster folder when the tests started it. */
    private static final class Server {

        private final String adminUrl;
        private final Path cluster;
        private final String missing;
        private final List<String> created = new CopyOnWriteArrayList<>();
        private String template;

        private Server(String adminUrl, Path cluster, String missing) {
            this.adminUrl = adminUrl;
            this.cluster = cluster;
            this.missing = missing;
        }

        static Server start() {
            String given = System.getenv("FIELDPOLL_TEST_PG_URL");
            if (given != null && !given.isBlank()) {
                Server server = new Server(given.strip(), null, null);
                Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated, "drop-test-databases"));
                return server;
            }
            Optional<Path> bin = debianBin();
            if (bin.isEmpty()) {
                return new Server(
                        null,
                        null,
                        "No PostgreSQL server for the tests: install Debian's package "
                                + "(apt-get install -y postgresql) or set FIELDPOLL_TEST_PG_URL.");
            }
            stopAbandonedClusters(bin.get());
            Cluster cluster = Cluster.start(bin.get());
            Server server = new Server(cluster.adminUrl(), cluster.folder(), null);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop-test-postgres"));
            return server;
        }

        DatabaseTarget.Postgres create(String options) {
            String name = newName();
            execute("CREATE DATABASE " + name + " " + options);
            created.add(name);
            return new DatabaseTarget.Postgres(url(name, "postgres"), Optional.empty());
        }

        /** A database this build migrated, made once and then only copied (a template takes no connections). */
        synchronized String template() {
            if (template == null) {
                DatabaseTarget.Postgres made = create("");
                Database.open(made, DatabaseSettings.defaults()).close();
                template = made.url().replaceFirst("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
            }
            return template;
        }

        String url(String database, String user) {
            String base = adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]*)/[^?]*", "$1/" + database);
            String withoutUser = base.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
            return withoutUser + (withoutUser.contains("?") ? "&" : "?") + "user=" + user;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("the test server refused " + sql + ": " + e.getMessage(), e);
            }
        }

        /** On a server the tests did not start, the databases they made go when the JVM ends. */
        void dropCreated() {
            for (String name : created) {
                try {
                    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (RuntimeException leftBehind) {
                    System.err.println("Could not drop the test database " + name + ": " + leftBehind.getMessage());
                }
            }
        }
    }

    /** The newest installed server's programs, where Debian puts them. */
    private static Optional<Path> debianBin() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> each = Files.list(versions)) {
            return each.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> versionNumber(bin.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionNumber(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException notAVersion) {
            return 0;
        }
    }

    /** Clusters left by test JVMs that were killed before their shutdown hook ran. */
    private static void stopAbandonedClusters(Path bin) {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> folders = Files.list(temporary)) {
            for (Path folder : folders.filter(
                            path -> path.getFileName().toString().startsWith(CLUSTER_PREFIX))
                    .toList()) {
                Path owner = folder.resolve("owner.pid");
                if (Files.isRegularFile(owner)
                        && ProcessHandle.of(
                                        Long.parseLong(Files.readString(owner).strip()))
                                .map(ProcessHandle::isAlive)
                                .orElse(false)) {
                    continue;
                }
                new Cluster(bin, folder, 0).stop();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not look for abandoned test clusters: " + e.getMessage());
        }
    }

    /** A throwaway cluster in a folder of its own. */
    private record Cluster(Path bin, Path folder, int port) {

        static Cluster start(Path bin) {
            try {
                Path folder = Files.createTempDirectory(CLUSTER_PREFIX);
                // mktemp's 0700 would keep the postgres user out
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.writeString(
                        folder.resolve("owner.pid"),
                        Long.toString(ProcessHandle.current().pid()));
                if (asRoot()) {
                    run(folder, List.of("chown", "postgres:", folder.toString()), false);
                }
                Cluster cluster = new Cluster(bin, folder, freePort());
                cluster.initialize();
                cluster.run(
                        "pg_ctl",
                        "-D",
                        cluster.data(),
                        "-l",
                        folder.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        "-p " + cluster.port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                                + " -c max_connections=300 -c shared_buffers=32MB",
                        "start");
                return cluster;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
        }

        String adminUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        }

        private String data() {
            return folder.resolve("data").toString();
        }

        /** Trust on loopback, but a password (SCRAM) for the one role made to test passwords. */
        private void initialize() throws IOException {
            run("initdb", "-D", data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            Path hba = folder.resolve("data").resolve("pg_hba.conf");
            Files.writeString(
                    hba,
                    String.join(
                            "\n",
                            "local all all trust",
                            "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256",
                            "host all all 127.0.0.1/32 trust",
                            ""));
        }

        void stop() {
            try {
                if (Files.isDirectory(folder.resolve("data"))) {
                    run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
                }
            } catch (RuntimeException notRunning) {
                // already stopped
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                System.err.println("Could not remove the test cluster " + folder + ": " + e.getMessage());
            }
        }

        private void run(String program, String... arguments) {
            List<String> command = new ArrayList<>();
            command.add(bin.resolve(program).toString());
            command.addAll(List.of(arguments));
            run(folder, command, asRoot());
        }

        private static void run(Path folder, List<String> command, boolean asPostgres) {
            List<String> full = new ArrayList<>();
            if (asPostgres) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            try {
                File log = folder.resolve("commands.log").toFile();
                Process process = new ProcessBuilder(full)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the test PostgreSQL failed: " + String.join(" ", full) + "\n"
                            + Files.readString(log.toPath()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the test PostgreSQL", e);
            }
        }

        private static boolean asRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /** A name no other test run uses, for tests that need one of their own (a schema, a role). */
    public static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
