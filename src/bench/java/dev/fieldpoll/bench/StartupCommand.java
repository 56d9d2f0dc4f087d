package dev.fieldpoll.bench;

import dev.fieldpoll.bench.StartupProbe.Startup;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Start-up time, process start to connected and ready, of one or more fieldpoll jars (or JVM
 * settings) taken in turn, run by run, so they see the same machine: medians, min and max.
 */
@Command(
        name = "startup",
        mixinStandardHelpOptions = true,
        description = "Time fieldpoll from process start to connected and ready (and to its first answer): the "
                + "console chat, and Discord and Slack against the tests' loopback fakes. Each start is a new "
                + "JVM on a database that already exists (a first, uncounted start creates it).")
final class StartupCommand implements Callable<Integer> {

    @Option(
            names = "--jar",
            paramLabel = "'JAR [JVM-OPTION…]'",
            description = "A jar to start, optionally followed by JVM options, in one argument; repeat it to "
                    + "compare (default: target/fieldpoll.jar).")
    List<String> variants = new ArrayList<>(List.of("target/fieldpoll.jar"));

    @Option(names = "--runs", defaultValue = "5", description = "Counted starts of each (default: 5).")
    int runs;

    @Option(
            names = "--target",
            split = ",",
            defaultValue = "console,discord,slack",
            description = "What to start: ${COMPLETION-CANDIDATES} (default: console,discord,slack).")
    List<StartupTarget> targets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "%-8s %-44s %18s %10s %12s %8s%n",
                "target",
                "jar and JVM options",
                "ready ms (min-max)",
                "answer ms",
                "CPU ms ready",
                "RSS MiB");
        for (StartupTarget target : targets) {
            Map<String, List<Startup>> results = measure(target);
            for (Map.Entry<String, List<Startup>> variant : results.entrySet()) {
                List<Startup> starts = variant.getValue();
                out.printf(
                        Locale.ROOT,
                        "%-8s %-44s %18s %10.0f %12.0f %8.0f%n",
                        target.name().toLowerCase(Locale.ROOT),
                        variant.getKey(),
                        String.format(
                                Locale.ROOT,
                                "%.0f (%.0f-%.0f)",
                                median(starts, Startup::readyMillis),
                                min(starts, Startup::readyMillis),
                                max(starts, Startup::readyMillis)),
                        median(starts, Startup::firstAnswerMillis),
                        median(starts, Startup::cpuMillis),
                        median(starts, start -> start.rssKib() / 1024.0));
            }
            out.flush();
        }
        return 0;
    }

    /** One uncounted start of each variant (it creates the database), then the counted ones in turn. */
    private Map<String, List<Startup>> measure(StartupTarget target) throws Exception {
        Map<String, StartupProbe> probes = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        Map<String, List<Startup>> results = new LinkedHashMap<>();
        for (String variant : variants) {
            List<String> words = Arrays.asList(variant.trim().split("\\s+"));
            probes.put(variant, new StartupProbe(Path.of(words.get(0)), words.subList(1, words.size())));
            folders.put(variant, Files.createTempDirectory("fieldpoll-startup"));
            results.put(variant, new ArrayList<>());
            probes.get(variant).measure(target, folders.get(variant));
        }
        for (int run = 0; run < runs; run++) {
            for (String variant : variants) {
                results.get(variant).add(probes.get(variant).measure(target, folders.get(variant)));
            }
        }
        return results;
    }

    private static double median(List<Startup> starts, ToDoubleFunction<Startup> figure) {
        double[] sorted = starts.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(List<Startup> starts, ToDoubleFunction<Startup> figure) {
        return starts.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private static double max(List<Startup> starts, ToDoubleFunction<Startup> figure) {
        return starts.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }
}
