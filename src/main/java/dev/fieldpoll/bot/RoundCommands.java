package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.RoundLink;
import dev.fieldpoll.poll.RoundOutcome;
import dev.fieldpoll.poll.RoundService;
import dev.fieldpoll.report.RoundReport;
import dev.fieldpoll.report.RoundReportService;
import dev.fieldpoll.tally.RoundComparison;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Rounds (Delphi) in the conversation: {@code /poll rerun} opens a poll's next round, a later
 * round's ballot carries the previous round's view and the member's own answers, and its results
 * carry what changed. Thread-safe: it keeps no state; the services it uses are.
 */
public final class RoundCommands {

    private final RoundService rounds;
    private final RoundReportService reports;
    private final PollService polls;
    private final ZoneId zone;

    public RoundCommands(RoundService rounds, RoundReportService reports, PollService polls, ZoneId zone) {
        this.rounds = rounds;
        this.reports = reports;
        this.polls = polls;
        this.zone = zone;
    }

    /** Opens the next round of a poll found in the member's channel: its message is posted like a new poll's. */
    CompletionStage<BotReply> rerun(Member member, Poll poll, Optional<ClosesAt> closes) {
        return rounds.rerun(member, poll, closes.map(when -> when.resolve(polls.now(), zone)))
                .thenApply(outcome -> outcome instanceof RoundOutcome.RoundOpened opened
                        ? new BotReply.PollPosted(new PollMessageView(opened.poll(), 0, polls.now()))
                        : new BotReply.Problem(((RoundOutcome.RoundRefused) outcome).reason()));
    }

    /**
     * Why a poll may not be deleted yet: it has a later round, which links to it. Rounds go from the
     * latest back, so a chain never points at a deleted round.
     */
    Optional<String> whyNotDeleted(Poll poll) {
        return rounds.nextRound(poll.id())
                .map(next -> "Poll #" + poll.id() + " has a later round, #" + next
                        + ". Delete that round first: rounds are deleted from the latest back.");
    }

    /** For a later round: the previous round's view of each cell and the member's own previous answers. */
    Optional<RoundHints> hints(Member member, Poll poll) {
        Optional<RoundLink> link = rounds.link(poll.id());
        Optional<Poll> previous = link.flatMap(found -> rounds.previous(poll));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Map<dev.fieldpoll.poll.CellKey, RoundHints.Community> community = new LinkedHashMap<>();
        for (Map.Entry<dev.fieldpoll.poll.CellKey, RoundComparison.CellView> cell :
                reports.previousViews(previous.get()).entrySet()) {
            RoundComparison.CellView view = cell.getValue();
            community.put(
                    cell.getKey(), new RoundHints.Community(view.median(), view.lowerQuartile(), view.upperQuartile()));
        }
        Ballot yours = polls.ballot(member, previous.get());
        return Optional.of(new RoundHints(link.get().round(), previous.get().id(), community, yours.answers()));
    }

    /**
     * A channel's polls with each chain of rounds shown once, as its latest round, whose title names
     * the earlier rounds ("Roadmap (round 3) · rounds #1, #2, #3"); a first round never rerun is as it was.
     */
    List<Outcomes.Listing> folded(List<Outcomes.Listing> listings) {
        Map<Long, RoundLink> links = new LinkedHashMap<>();
        Set<Long> rerun = new HashSet<>();
        for (Outcomes.Listing listing : listings) {
            rounds.link(listing.poll().id()).ifPresent(link -> {
                links.put(listing.poll().id(), link);
                rerun.add(link.previousPollId());
            });
        }
        List<Outcomes.Listing> folded = new ArrayList<>();
        for (Outcomes.Listing listing : listings) {
            Poll poll = listing.poll();
            if (rerun.contains(poll.id())) {
                continue;
            }
            RoundLink link = links.get(poll.id());
            folded.add(
                    link == null
                            ? listing
                            : new Outcomes.Listing(
                                    withRounds(poll, chain(link, links)), listing.status(), listing.voters()));
        }
        return folded;
    }

    /** The ids of the rounds up to this one, oldest first. */
    private static List<Long> chain(RoundLink last, Map<Long, RoundLink> links) {
        List<Long> ids = new ArrayList<>();
        ids.add(last.pollId());
        RoundLink at = last;
        while (at != null) {
            ids.add(0, at.previousPollId());
            at = links.get(at.previousPollId());
        }
        return ids;
    }

    private static Poll withRounds(Poll poll, List<Long> ids) {
        String suffix = " · rounds "
                + String.join(", ", ids.stream().map(id -> "#" + id).toList());
        String title =
                poll.title().length() + suffix.length() <= Poll.MAX_TITLE_LENGTH ? poll.title() + suffix : poll.title();
        return new Poll(
                poll.id(),
                poll.workspace(),
                poll.channelId(),
                title,
                poll.templateKey(),
                poll.definition(),
                poll.visibility(),
                poll.createdBy(),
                poll.createdAt(),
                poll.closesAt(),
                poll.closedAt(),
                poll.eligibleRole(),
                poll.announce());
    }

    /** What changed since the previous round, for a later round's results. */
    Optional<RoundReport> report(Poll poll) {
        return reports.reportFor(poll);
    }

    /** Why there is nothing to keep, when the poll is a first round or the member did not answer the previous one. */
    static CompletionStage<BotReply> nothingToKeep(Poll poll, Optional<RoundHints> hints) {
        String why = hints.isEmpty()
                ? "\"" + poll.title() + "\" is a first round, so there are no earlier answers to keep."
                : "There is nothing to keep: you did not answer round "
                        + (hints.get().round() - 1) + ", or you have answered every cell of this round already.";
        return CompletableFuture.completedFuture(new BotReply.Problem(why));
    }
}
