package dev.fieldpoll.cli;

import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Synthetic voters for trying fieldpoll and for benchmarks: each leans around the reference
 * score (or a drawn base score), with a personal bias and noise; a few cells split the voters into
 * two camps; some answers are "don't know" and some are left out. Same seed, same votes.
 */
final class VoterSimulator {

    static final int POLARIZED_CELLS = 2;
    static final double DONT_KNOW_SHARE = 0.06;
    static final double SKIP_SHARE = 0.04;

    private final Random random;

    VoterSimulator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Casts every voter's ballot through PollService, the same path the chat adapters use; the
     * ballots go in together, so they share group commits, and this returns once all are on disk.
     */
    void fill(PollService polls, Poll poll, Member template, int voters) {
        List<CompletableFuture<Outcomes.Voted>> votes = new ArrayList<>();
        Map<CellKey, Double> base = baseScores(poll.definition());
        List<CellKey> polarized = pickPolarized(poll.definition());
        for (int voter = 1; voter <= voters; voter++) {
            Member member =
                    new Member(template.workspace(), template.channelId(), String.format("sim-%05d", voter), false);
            Map<CellKey, Answer> ballot = ballot(poll.definition(), base, polarized);
            if (ballot.isEmpty()) {
                continue;
            }
            votes.add(polls.changeAnswers(member, poll, ballot, List.of()).toCompletableFuture());
        }
        for (CompletableFuture<Outcomes.Voted> vote : votes) {
            Outcomes.Voted voted = vote.join();
            if (!(voted instanceof Outcomes.VotesSaved)) {
                throw new IllegalStateException("a simulated vote was refused: " + voted);
            }
        }
    }

    private Map<CellKey, Double> baseScores(PollDefinition definition) {
        Map<CellKey, Double> base = new LinkedHashMap<>();
        for (CellKey cell : definition.cells()) {
            Double reference = definition.reference().get(cell);
            double score = reference != null
                    ? reference
                    : definition.scale().midpoint()
                            + (random.nextDouble() - 0.5) * (definition.scale().points() - 1) * 0.6;
            base.put(cell, score);
        }
        return base;
    }

    private List<CellKey> pickPolarized(PollDefinition definition) {
        List<CellKey> cells = new ArrayList<>(definition.cells());
        Collections.shuffle(cells, random);
        return cells.subList(0, Math.min(POLARIZED_CELLS, cells.size()));
    }

    private Map<CellKey, Answer> ballot(PollDefinition definition, Map<CellKey, Double> base, List<CellKey> polarized) {
        double bias = random.nextGaussian() * 0.4;
        boolean optimist = random.nextBoolean();
        Map<CellKey, Answer> ballot = new LinkedHashMap<>();
        for (CellKey cell : definition.cells()) {
            double roll = random.nextDouble();
            if (roll < SKIP_SHARE) {
                continue;
            }
            if (roll < SKIP_SHARE + DONT_KNOW_SHARE) {
                ballot.put(cell, Answer.DONT_KNOW);
                continue;
            }
            boolean camps = polarized.contains(cell);
            double centre = camps
                    ? (optimist ? definition.scale().max() : definition.scale().min())
                    : base.get(cell) + bias;
            // camps sit at the two ends, so that they show as two camps rather than one spread-out crowd
            long score = Math.round(centre + random.nextGaussian() * (camps ? 0.5 : 0.8));
            ballot.put(cell, Answer.score((int) Math.max(
                    definition.scale().min(), Math.min(definition.scale().max(), score))));
        }
        return ballot;
    }
}
