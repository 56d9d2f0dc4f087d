package dev.fieldpoll.tally;

import java.util.Arrays;
import java.util.Locale;

/** Prints how often each scenario finds groups, and the gap's spread: the evidence for GAP_MARGIN. */
public final class GroupCalibration {

    public static void main(String[] args) {
        int trials = Integer.parseInt(args[0]);
        double[] trait6 = new double[20];
        for (int cell = 0; cell < 6; cell++) trait6[cell] = cell % 2 == 0 ? 0.8 : -0.8;
        double[] traitAll = new double[20];
        Arrays.fill(traitAll, 0.5);
        double[] traitStrong = new double[20];
        for (int cell = 0; cell < 20; cell++) traitStrong[cell] = cell < 10 ? 1.0 : -1.0;
        String only = System.getProperty("only", "");
        if (!only.isEmpty()) {
            for (String name : only.split(",")) {
                switch (name) {
                    case "traitStrong" ->
                        run(
                                "null 10x2 traitStrong",
                                GroupScenarios.onePopulation(10, 2).withTrait(traitStrong),
                                trials);
                    case "trait6" ->
                        run(
                                "null 10x2 trait6",
                                GroupScenarios.onePopulation(10, 2).withTrait(trait6),
                                trials);
                    case "two4" ->
                        run(
                                "two 10x2 4cells 2.0",
                                GroupScenarios.planted(10, 2, new double[] {0.6, 0.4}, 4, 2.0),
                                trials);
                    case "two6" ->
                        run(
                                "two 10x2 6cells 2.0",
                                GroupScenarios.planted(10, 2, new double[] {0.5, 0.5}, 6, 2.0),
                                trials);
                    case "twoskip" ->
                        run(
                                "two skip30",
                                GroupScenarios.planted(10, 2, new double[] {0.5, 0.5}, 6, 2.0)
                                        .skipping(0.3),
                                trials);
                    case "null" -> run("null 10x2", GroupScenarios.onePopulation(10, 2), trials);
                    case "clear2" ->
                        run("two 6cells 2.5", GroupScenarios.planted(10, 2, new double[] {0.6, 0.4}, 6, 2.5), trials);
                    case "clear2skip" ->
                        run(
                                "two 6cells 2.5 skip30",
                                GroupScenarios.planted(10, 2, new double[] {0.6, 0.4}, 6, 2.5)
                                        .skipping(0.3),
                                trials);
                    case "clear3" ->
                        run(
                                "three 4cells 2.5",
                                GroupScenarios.planted(10, 2, new double[] {0.4, 0.35, 0.25}, 4, 2.5),
                                trials);
                    case "clear3skip" ->
                        run(
                                "three 4cells 2.5 skip30",
                                GroupScenarios.planted(10, 2, new double[] {0.4, 0.35, 0.25}, 4, 2.5)
                                        .skipping(0.3),
                                trials);
                    case "null3" -> run("null 3x2", GroupScenarios.onePopulation(3, 2), trials);
                    case "null2" -> run("null 2x2", GroupScenarios.onePopulation(2, 2), trials);
                    case "nullskip" ->
                        run(
                                "null 10x2 skip30",
                                GroupScenarios.onePopulation(10, 2).skipping(0.3),
                                trials);
                    default -> throw new IllegalArgumentException(name);
                }
            }
            return;
        }
        run("null 10x2", GroupScenarios.onePopulation(10, 2), trials);
        run("null 10x2 skip30", GroupScenarios.onePopulation(10, 2).skipping(0.3), trials);
        run("null 10x2 trait6", GroupScenarios.onePopulation(10, 2).withTrait(trait6), trials);
        run("null 10x2 traitAll", GroupScenarios.onePopulation(10, 2).withTrait(traitAll), trials);
        run("null 10x2 traitStrong", GroupScenarios.onePopulation(10, 2).withTrait(traitStrong), trials);
        run("null 2x2", GroupScenarios.onePopulation(2, 2), trials);
        run("null 3x2", GroupScenarios.onePopulation(3, 2), trials);
        run("null 5x5", GroupScenarios.onePopulation(5, 5), trials);
        run("two 10x2 6cells 2.0", GroupScenarios.planted(10, 2, new double[] {0.5, 0.5}, 6, 2.0), trials);
        run("two 10x2 4cells 2.0", GroupScenarios.planted(10, 2, new double[] {0.6, 0.4}, 4, 2.0), trials);
        run("two 10x2 6cells 1.5", GroupScenarios.planted(10, 2, new double[] {0.5, 0.5}, 6, 1.5), trials);
        run(
                "two skip30",
                GroupScenarios.planted(10, 2, new double[] {0.5, 0.5}, 6, 2.0).skipping(0.3),
                trials);
        run("three 10x2 4cells 2.5", GroupScenarios.planted(10, 2, new double[] {0.4, 0.35, 0.25}, 4, 2.5), trials);
        run(
                "three skip30",
                GroupScenarios.planted(10, 2, new double[] {0.4, 0.35, 0.25}, 4, 2.5)
                        .skipping(0.3),
                trials);
    }

    private static void run(String name, GroupScenarios.Population population, int trials) {
        for (int voters : new int[] {30, 60, 200, 1000}) {
            int found = 0;
            double[] gaps = new double[trials];
            double[] needed = new double[trials];
            double[] sds = new double[trials];
            double ari = 0;
            int[] ks = new int[5];
            long start = System.nanoTime();
            for (int trial = 0; trial < trials; trial++) {
                GroupScenarios.Poll poll = population.draw(voters, 1000L * voters + trial);
                OpinionGroups groups = GroupScenarios.analyze(poll.votes());
                gaps[trial] = groups.method().gap();
                needed[trial] = groups.method().gapNeeded();
                sds[trial] = (groups.method().gapNeeded() - GroupAnalyzer.GAP_MARGIN) / 1.645;
                ks[Math.max(0, groups.method().k())]++;
                if (groups.found()) {
                    found++;
                    ari += AdjustedRand.of(poll.truth(), poll.found(groups));
                }
            }
            Arrays.sort(gaps);
            System.out.printf(
                    Locale.ROOT,
                    "%-24s n=%5d found %5.1f%% ARI %.3f  gap p50 %.3f p90 %.3f p99 %.3f max %.3f needed~%.3f sd~%.3f k=%s %.0fms%n",
                    name,
                    voters,
                    100.0 * found / trials,
                    found == 0 ? Double.NaN : ari / found,
                    gaps[trials / 2],
                    gaps[(int) (trials * 0.9)],
                    gaps[(int) (trials * 0.99)],
                    gaps[trials - 1],
                    Arrays.stream(needed).filter(Double::isFinite).average().orElse(Double.NaN),
                    Arrays.stream(sds).filter(Double::isFinite).average().orElse(Double.NaN),
                    Arrays.toString(ks),
                    (System.nanoTime() - start) / 1e6 / trials);
        }
    }
}
