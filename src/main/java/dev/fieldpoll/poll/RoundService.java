package dev.fieldpoll.poll;

import dev.fieldpoll.poll.RoundOutcome.RoundOpened;
import dev.fieldpoll.poll.RoundOutcome.RoundRefused;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Rounds of a poll (Delphi): {@code /poll rerun} opens the next round of a closed poll with the same
 * fields, factors, scale and rules, in the same channel, linked to it. Only its creator or an admin
 * may, only once per round (rounds form one chain), and only for a poll found in the member's own
 * channel. Thread-safe: it keeps no state of its own.
 */
public final class RoundService {

    /** What a later round's title ends with: " (round 2)". */
    static final String ROUND_SUFFIX = " (round %d)";

    private final RoundStore rounds;
    private final PollService polls;
    private final Executor afterCommit;

    public RoundService(RoundStore rounds, PollService polls, Executor afterCommit) {
        this.rounds = rounds;
        this.polls = polls;
        this.afterCommit = afterCommit;
    }

    public Optional<RoundLink> link(long pollId) {
        return rounds.link(pollId);
    }

    /** The round after this poll, if it was rerun. */
    public Optional<Long> nextRound(long pollId) {
        return rounds.nextRound(pollId);
    }

    /** The round before this poll, in the same workspace and channel (it always is: reruns stay there). */
    public Optional<Poll> previous(Poll poll) {
        return rounds.link(poll.id())
                .flatMap(link -> polls.findInWorkspace(poll.workspace(), link.previousPollId()))
                .filter(previous -> previous.channelId().equals(poll.channelId()));
    }

    /** Opens the next round of {@code found} (a poll the caller found in the member's channel), closing when asked. */
    public CompletionStage<RoundOutcome> rerun(Member member, Poll found, Optional<Instant> closesAt) {
        Optional<String> refused = whyNot(member, found, closesAt);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new RoundRefused(refused.get()));
        }
        Optional<RoundLink> before = rounds.link(found.id());
        int round = before.map(RoundLink::round).orElse(1) + 1;
        long first = before.map(RoundLink::firstPollId).orElse(found.id());
        NewPoll next = new NewPoll(
                found.workspace(),
                found.channelId(),
                titleOf(baseTitle(found.title(), round - 1), round),
                found.templateKey(),
                found.definition(),
                found.visibility(),
                member.userId(),
                polls.now(),
                closesAt.orElse(null),
                found.eligibleRole(),
                true,
                found.announce());
        return rounds.createRound(next, found.id(), first, round)
                .thenApplyAsync(
                        poll -> new RoundOpened(poll, found, new RoundLink(poll.id(), found.id(), first, round)),
                        afterCommit);
    }

    private Optional<String> whyNot(Member member, Poll poll, Optional<Instant> closesAt) {
        if (!poll.workspace().equals(member.workspace()) || !poll.channelId().equals(member.channelId())) {
            return Optional.of("No poll #" + poll.id() + " in this channel. `/poll list` shows this channel's polls.");
        }
        if (!member.admin() && !member.userId().equals(poll.createdBy())) {
            return Optional.of("Only the member who started \"" + poll.title() + "\" or an admin can run it again.");
        }
        if (poll.isOpenAt(polls.now())) {
            return Optional.of("\"" + poll.title() + "\" is still open. Close it first (`/poll close #" + poll.id()
                    + "`), then `/poll rerun #" + poll.id() + "` opens its next round.");
        }
        Optional<Long> next = rounds.nextRound(poll.id());
        if (next.isPresent()) {
            return Optional.of("\"" + poll.title() + "\" already has a next round, #" + next.get()
                    + ". Rerun the latest round instead.");
        }
        return closesAt.flatMap(closes -> PollService.whyNotCloseTime(closes, polls.now()));
    }

    /** The title without the round suffix this service added to it. */
    static String baseTitle(String title, int round) {
        String suffix = String.format(java.util.Locale.ROOT, ROUND_SUFFIX, round);
        return round > 1 && title.endsWith(suffix) ? title.substring(0, title.length() - suffix.length()) : title;
    }

    /** "Title (round 2)", the title shortened with an ellipsis when both would not fit. */
    static String titleOf(String base, int round) {
        String suffix = String.format(java.util.Locale.ROOT, ROUND_SUFFIX, round);
        int room = Poll.MAX_TITLE_LENGTH - suffix.length();
        String kept = base.length() <= room ? base : base.substring(0, room - 1).strip() + "…";
        return kept + suffix;
    }
}
