package dev.fieldpoll.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldpoll.bench.BenchTable;
import dev.fieldpoll.bench.PeakHeapProfiler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the JMH benchmarks in forked JVMs and prints medians (numbers are reported, never asserted). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure fieldpoll with JMH: the full report for polls of 1,000 to 100,000 voters, and vote "
                + "ingest through the bot by 1, 16 and 64 members at once on a real SQLite file, against bare "
                + "single-row upserts.")
public final class BenchCommand implements Callable<Integer> {

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
            names = "--dir",
            paramLabel = "FOLDER",
            description = "Folder for the benchmark databases (default: the system's temporary folder). "
                    + "Put it on the disk that holds the bot's database: a commit waits for that disk.")
    Path databases;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quiet.logging();
        if (databases != null) {
            java.nio.file.Files.createDirectories(databases);
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(filter)
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
        if (json) {
            spec.commandLine()
                    .getOut()
                    .println(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(table));
        } else {
            spec.commandLine().getOut().print(table.text());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private String[] jvmArguments() {
        String quietLog = "-Dfieldpoll.log.level=WARN";
        return databases == null
                ? new String[] {quietLog}
                : new String[] {quietLog, "-Djava.io.tmpdir=" + databases.toAbsolutePath()};
    }
}
