package dev.fieldpoll.tally;

import java.util.SplittableRandom;

/**
 * Seeded synthetic polls for the opinion-group tests: one population (voters differ only by
 * leniency, noise and, optionally, one continuous trait), or planted groups with their own
 * profiles. Scores are rounded and kept on a 1–5 scale; some answers are skipped.
 */
final class GroupScenarios {

    /** The votes and each voter's true group (0 for one population). */
    record Poll(VoteMatrix votes, int[] truth) {

        /** Each voter's ballot as score indexes per cell, for {@link GroupPlacer#place}. */
        int[] ballot(int voter) {
            int cells = votes.fields() * votes.factors();
            int[] ballot = new int[cells];
            for (int cell = 0; cell < cells; cell++) {
                ballot[cell] = votes.scoreIndex(voter, cell / votes.factors(), cell % votes.factors());
            }
            return ballot;
        }

        /** Each voter's group as the analysis placed it (−1 when not placed). */
        int[] found(OpinionGroups groups) {
            int[] found = new int[votes.voters()];
            for (int voter = 0; voter < found.length; voter++) {
                found[voter] = groups.placer().place(ballot(voter));
            }
            return found;
        }
    }

    /** How voters are drawn. {@code latent}: per cell a loading on one continuous trait (null: none). */
    record Population(
            int fields,
            int factors,
            double[][] profiles,
            double[] shares,
            double leniencySd,
            double noiseSd,
            double skip,
            double[] latent) {

        int cells() {
            return fields * factors;
        }

        Poll draw(int voters, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            VoteMatrix.Builder builder = new VoteMatrix.Builder(fields, factors, 1);
            int[] truth = new int[voters];
            for (int at = 0; at < voters; at++) {
                int voter = builder.addVoter();
                int group = groupOf(random.nextDouble());
                truth[voter] = group;
                double leniency = leniencySd * OneGroupReference.gaussian(random);
                double trait = OneGroupReference.gaussian(random);
                for (int cell = 0; cell < cells(); cell++) {
                    double centre = profiles[group][cell] + leniency + (latent == null ? 0 : latent[cell] * trait);
                    double score = centre + noiseSd * OneGroupReference.gaussian(random);
                    if (random.nextDouble() >= skip) {
                        builder.set(voter, cell / factors, cell % factors, (int)
                                Math.max(1, Math.min(5, Math.round(score))));
                    }
                }
            }
            return new Poll(builder.build(), truth);
        }

        private int groupOf(double roll) {
            double cumulative = 0;
            for (int group = 0; group < shares.length - 1; group++) {
                cumulative += shares[group];
                if (roll < cumulative) {
                    return group;
                }
            }
            return shares.length - 1;
        }

        Population skipping(double share) {
            return new Population(fields, factors, profiles, shares, leniencySd, noiseSd, share, latent);
        }

        Population withTrait(double[] loadings) {
            return new Population(fields, factors, profiles, shares, leniencySd, noiseSd, skip, loadings);
        }
    }

    private GroupScenarios() {}

    /** Cell means spread between 2 and 4 (fixed by {@code seed}). */
    static double[] baseProfile(int cells, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] profile = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            profile[cell] = 2 + 2 * random.nextDouble();
        }
        return profile;
    }

    /** One population: leniency sd 0.4, noise sd 0.8, 5% skipped, no trait. */
    static Population onePopulation(int fields, int factors) {
        return new Population(
                fields,
                factors,
                new double[][] {baseProfile(fields * factors, 7)},
                new double[] {1},
                0.4,
                0.8,
                0.05,
                null);
    }

    /**
     * Groups with their own views: group g moves each of its {@code cellsPerGroup} cells by
     * {@code shift} (cells differ between groups: group 0 cells 0.., group 1 the next ones, …),
     * and with two groups the second group moves the first group's cells the other way instead.
     */
    static Population planted(int fields, int factors, double[] shares, int cellsPerGroup, double shift) {
        int cells = fields * factors;
        double[] base = baseProfile(cells, 7);
        double[][] profiles = new double[shares.length][];
        for (int group = 0; group < shares.length; group++) {
            profiles[group] = base.clone();
        }
        if (shares.length == 2) {
            for (int cell = 0; cell < cellsPerGroup; cell++) {
                profiles[0][cell] = 3 + shift / 2;
                profiles[1][cell] = 3 - shift / 2;
            }
        } else {
            for (int group = 0; group < shares.length; group++) {
                for (int cell = group * cellsPerGroup; cell < (group + 1) * cellsPerGroup; cell++) {
                    for (int other = 0; other < shares.length; other++) {
                        profiles[other][cell] = other == group ? 3 + shift / 2 : 3 - shift / 2;
                    }
                }
            }
        }
        return new Population(fields, factors, profiles, shares, 0.4, 0.8, 0.05, null);
    }

    static AnalysisSettings settings(int factors) {
        double[] weights = new double[factors];
        java.util.Arrays.fill(weights, 1);
        return new AnalysisSettings(1, 5, weights, 3, 10, 200);
    }

    static OpinionGroups analyze(VoteMatrix votes) {
        return GroupAnalyzer.analyze(
                EligibleBallots.of(votes, 5, 3), settings(votes.factors()), GroupAnalyzer.DEFAULT_GROUPS_FROM);
    }
}
