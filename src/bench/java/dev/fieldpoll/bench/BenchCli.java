package dev.fieldpoll.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.store.DatabaseSettings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * fieldpoll-bench.jar's entry point: the JMH benchmarks in forked JVMs, printed as medians
 * (numbers are reported, never asserted). Built apart from fieldpoll.jar by {@code mvn -Pbench package}.
 */
@Command(
        name = "fieldpoll-bench",
        mixinStandardHelpOptions = true,
        subcommands = StartupCommand.class,
        description = "Measure fieldpoll with JMH: the full report for polls of 1,000 to 100,000 voters, opinion "
                + "groups alone for 10,000 and 100,000, the report read from the database, and vote ingest through "
                + "the bot by 1, 16 and 64 members at once on a real SQLite file, between bare single-row upserts "
                + "(the floor) and 64 upserts per transaction (the ceiling); with --database, ingest and the report "
                + "from the database on PostgreSQL beside SQLite; and a burst of 1,000 simultaneous votes from 60 "
                + "members through the bot (time to the last answer).")
public final class BenchCli implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--filter",
            defaultValue = "dev.fieldpoll.bench.*",
            description = "Benchmarks to run, as a regular expression (default: all).")
    String filter;

    @Option(names = "--quick", description = "Fewer and shorter iterations, for a first look.")
    boolean quick;

    @Option(
            names = "--database",
            paramLabel = "URL",
            description = "A PostgreSQL server to measure beside SQLite: the URL of a database there, as a role that "
                    + "may create databases (jdbc:postgresql://HOST:PORT/postgres?user=USER; password from "
                    + "FIELDPOLL_DATABASE_PASSWORD). Each benchmark makes a database of its own and drops it after.")
    String postgres;

    @Option(
            names = "--commits",
            defaultValue = "grouped",
            description = "How PostgreSQL commits the votes: grouped (queued on one connection, sharing commits) "
                    + "or plain (a transaction each, side by side); SQLite always groups. Default: ${DEFAULT-VALUE}.")
    DatabaseSettings.Commits commits;

    @Option(
            names = "--dir",
            paramLabel = "FOLDER",
            description = "Folder for the benchmark databases (default: the system's temporary folder). "
                    + "Put it on the disk that holds the bot's database: a commit waits for that disk.")
    Path databases;

    @Option(
            names = "--jvm-arg",
            paramLabel = "OPTION",
            description = "An option for the benchmark JVMs, repeatable: to profile, "
                    + "--jvm-arg=-XX:StartFlightRecording=filename=ingest.jfr,settings=profile")
    List<String> jvmArgs = new ArrayList<>();

    @Option(
            names = "--soak",
            paramLabel = "DURATION",
            description = "Instead of JMH: a steady vote load plus a report every few seconds for this long "
                    + "(90s, 30m, 2h), printing heap after GC, RSS, p99 latency and errors once a minute.")
    String soak;

    @Option(names = "--rate", defaultValue = "200", description = "Votes per second in the soak (default: 200).")
    int rate;

    @Option(
            names = "--report-every",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "How often the soak asks for the full report (default: 10s).")
    String reportEvery;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    @Override
    public Integer call() throws Exception {
        quietLogging();
        if (databases != null) {
            Files.createDirectories(databases);
        }
        if (soak != null) {
            SoakRun run = new SoakRun(
                    duration(soak),
                    rate,
                    duration(reportEvery),
                    databases,
                    spec.commandLine().getOut());
            return run.run() == 0 ? 0 : 1;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(filter)
                // both databases, in one run, when a PostgreSQL server is given
                .param("database", databases())
                // a benchmark that breaks must say so, not vanish from the table
                .shouldFailOnError(true)
                .forks(1)
                .jvmArgsAppend(jvmArguments())
                .addProfiler(PeakHeapProfiler.class)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .verbosity(VerboseMode.SILENT);
        BenchTable table = BenchTable.of(new Runner(options.build()).run());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(table));
        } else {
            out.print(table.text());
            out.flush();
        }
        return 0;
    }

    /** "90s", "30m" or "2h". */
    private Duration duration(String text) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("(\\d+)([smh])").matcher(text.strip());
        if (!matcher.matches()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "A duration is a number and s, m or h (90s, 30m, 2h), not '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The benchmarks measure fieldpoll, not its log: warnings only, unless asked otherwise. */
    static void quietLogging() {
        if (System.getProperty("fieldpoll.log.level") == null) {
            System.setProperty("fieldpoll.log.level", "WARN");
        }
    }

    private String[] databases() {
        if (postgres == null) {
            return new String[] {BenchDatabase.SQLITE};
        }
        try {
            BenchDatabase.requireReachable(postgres);
        } catch (IllegalArgumentException unreachable) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), unreachable.getMessage());
        }
        return new String[] {BenchDatabase.SQLITE, BenchDatabase.POSTGRESQL};
    }

    private String[] jvmArguments() {
        List<String> arguments = new ArrayList<>(List.of("-Dfieldpoll.log.level=WARN"));
        if (postgres != null) {
            arguments.add("-D" + BenchDatabase.SERVER_PROPERTY + "=" + postgres);
        }
        arguments.add(
                "-D" + BenchDatabase.COMMITS_PROPERTY + "=" + commits.name().toLowerCase(java.util.Locale.ROOT));
        if (databases != null) {
            arguments.add("-Djava.io.tmpdir=" + databases.toAbsolutePath());
        }
        arguments.addAll(jvmArgs);
        return arguments.toArray(String[]::new);
    }
}
