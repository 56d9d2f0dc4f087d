package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The simulation behind {@link GroupAnalyzer#GAP_MARGIN}, to rerun when the method changes (it
 * takes minutes, so it is a program, not a test; {@link GroupSimulationTest} checks the same
 * claims on fewer polls in every build). For each scenario and poll size it prints the share of
 * seeded polls in which groups were found, their mean adjusted Rand index against the planted
 * groups, and the gap's median and 99th percentile.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.fieldpoll.tally.GroupCalibration 200
 * </pre>
 */
public final class GroupCalibration {

    private static final int[] VOTERS = {30, 60, 200, 1000};

    private GroupCalibration() {}

    public static void main(String[] args) {
        int polls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.printf(
                Locale.ROOT,
                "%-34s %6s %7s %6s %8s %8s%n",
                "scenario (10 fields x 2 factors)",
                "voters",
                "groups",
                "ARI",
                "gap p50",
                "gap p99");
        scenarios().forEach((name, population) -> {
            for (int voters : VOTERS) {
                print(name, population, voters, polls);
            }
        });
    }

    private static Map<String, GroupScenarios.Population> scenarios() {
        double[] sixCells = new double[20];
        double[] everyCell = new double[20];
        for (int cell = 0; cell < 20; cell++) {
            sixCells[cell] = cell < 6 ? (cell % 2 == 0 ? 0.8 : -0.8) : 0;
            everyCell[cell] = cell < 10 ? 1 : -1;
        }
        GroupScenarios.Population one = GroupScenarios.onePopulation(10, 2);
        GroupScenarios.Population two = GroupScenarios.planted(10, 2, new double[] {0.6, 0.4}, 6, 2.5);
        GroupScenarios.Population three = GroupScenarios.planted(10, 2, new double[] {0.4, 0.35, 0.25}, 4, 2.5);
        Map<String, GroupScenarios.Population> scenarios = new LinkedHashMap<>();
        scenarios.put("one population", one);
        scenarios.put("one population, 30% skipped", one.skipping(0.3));
        scenarios.put("one population, trait on 6 cells", one.withTrait(sixCells));
        scenarios.put("one population, strong trait", one.withTrait(everyCell));
        scenarios.put("one population, 2 x 2 cells", GroupScenarios.onePopulation(2, 2));
        scenarios.put("one population, 5 x 5 cells", GroupScenarios.onePopulation(5, 5));
        scenarios.put("two groups", two);
        scenarios.put("two groups, 30% skipped", two.skipping(0.3));
        scenarios.put("three groups", three);
        scenarios.put("three groups, 30% skipped", three.skipping(0.3));
        return scenarios;
    }

    private static void print(String name, GroupScenarios.Population population, int voters, int polls) {
        int found = 0;
        double agreement = 0;
        double[] gaps = new double[polls];
        boolean planted = population.shares().length > 1;
        for (int poll = 0; poll < polls; poll++) {
            GroupScenarios.Poll drawn = population.draw(voters, 1000L * voters + poll);
            OpinionGroups groups = GroupScenarios.analyze(drawn.votes());
            gaps[poll] = groups.method().gap();
            if (groups.found()) {
                found++;
                agreement += planted ? AdjustedRand.of(drawn.truth(), drawn.found(groups)) : 0;
            }
        }
        double[] measured =
                Arrays.stream(gaps).filter(Double::isFinite).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%-34s %6d %6.1f%% %6s %8s %8s%n",
                name,
                voters,
                100.0 * found / polls,
                planted && found > 0 ? String.format(Locale.ROOT, "%.3f", agreement / found) : "-",
                quantile(measured, 0.5),
                quantile(measured, 0.99));
    }

    private static String quantile(double[] sorted, double p) {
        return sorted.length == 0
                ? "-"
                : String.format(Locale.ROOT, "%.3f", sorted[(int) Math.min(sorted.length - 1, p * sorted.length)]);
    }
}
