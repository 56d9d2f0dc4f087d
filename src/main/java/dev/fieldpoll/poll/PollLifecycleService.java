package dev.fieldpoll.poll;

import dev.fieldpoll.poll.LifecycleOutcome.Changed;
import dev.fieldpoll.poll.LifecycleOutcome.Deleted;
import dev.fieldpoll.poll.LifecycleOutcome.Denied;
import dev.fieldpoll.poll.LifecycleOutcome.Forgotten;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The life of a poll after it is posted: edit, reopen, delete (its creator or an admin), a member's
 * own answers forgotten (anyone, for themselves), and the admin-only export and participation.
 * Every poll comes from a channel-scoped lookup and is checked again here; every refusal is one
 * friendly sentence. Writes complete once committed, on the after-commit executor. Thread-safe: it
 * keeps no state of its own.
 */
public final class PollLifecycleService {

    private final PollStore polls;
    private final PollLifecycleStore store;
    private final Clock clock;
    private final Executor afterCommit;

    public PollLifecycleService(PollStore polls, PollLifecycleStore store, Clock clock, Executor afterCommit) {
        this.polls = polls;
        this.store = store;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** How many have voted and how many answered every cell: what a closing reminder says. */
    public record Participation(int voters, int complete) {}

    /** Applies the edit to an open poll for its creator or an admin, every change checked first. */
    public CompletionStage<LifecycleOutcome> edit(Member member, Poll poll, PollEdit edit) {
        Instant now = clock.instant();
        Optional<String> refused = whyNotEditable(member, poll, now)
                .or(() -> edit.isEmpty()
                        ? Optional.of("Say what to change: add:, remove:, rename:\"old => new\", title:, closes: "
                                + "or results:. Nothing was changed.")
                        : Optional.empty())
                .or(() -> edit.closesAt().flatMap(closes -> PollService.whyNotCloseTime(closes, now)));
        if (refused.isPresent()) {
            return denied(refused.get());
        }
        FieldEdits fields = new FieldEdits(poll.definition(), store.removedFields(poll.id()));
        Optional<String> badField = fields.apply(edit);
        if (badField.isPresent()) {
            return denied(badField.get() + " Nothing was changed.");
        }
        String title;
        try {
            title = edit.title()
                    .map(text -> Keys.requireText(text, "the title", Poll.MAX_TITLE_LENGTH))
                    .orElse(poll.title());
        } catch (IllegalArgumentException invalid) {
            return denied("That title cannot be used: " + invalid.getMessage() + ". Nothing was changed.");
        }
        List<String> notes = new ArrayList<>(fields.notes());
        if (!title.equals(poll.title())) {
            notes.add("Title changed to \"" + title + "\"");
        }
        edit.closesAt().ifPresent(closes -> notes.add("Close time changed"));
        edit.visibility()
                .filter(visibility -> visibility != poll.visibility())
                .ifPresent(visibility -> notes.add("Results rule changed to " + visibility.keyword()));
        if (notes.isEmpty()) {
            // a form submitted as it was prefilled: the title and results rule it already has
            return denied("\"" + poll.title() + "\" already is that way, so nothing was changed.");
        }
        EditPlan plan = new EditPlan(
                fields.added(),
                fields.restored(),
                fields.removed(),
                fields.renamed(),
                title,
                edit.closesAt().orElse(poll.closesAt()),
                edit.visibility().orElse(poll.visibility()),
                edit.closesAt().isPresent(),
                notes);
        return store.edit(poll.id(), plan, member.userId(), now)
                .thenApplyAsync(edited -> new Changed(edited, String.join("; ", notes) + "."), afterCommit);
    }

    /** Why the member may not edit the poll (not its creator nor an admin, or it is closed); empty if they may. */
    public Optional<String> whyNotEditable(Member member, Poll poll) {
        return whyNotEditable(member, poll, clock.instant());
    }

    private static Optional<String> whyNotEditable(Member member, Poll poll, Instant now) {
        return managedBy(member, poll, "edit")
                .or(() -> poll.isOpenAt(now)
                        ? Optional.empty()
                        : Optional.of("\"" + poll.title() + "\" is closed; reopen it first with `/poll reopen #"
                                + poll.id() + "`."));
    }

    /** Opens a closed poll again, until {@code closes} or until closed by hand. */
    public CompletionStage<LifecycleOutcome> reopen(Member member, Poll poll, Optional<Instant> closes) {
        Instant now = clock.instant();
        Optional<String> refused = managedBy(member, poll, "reopen")
                .or(() -> poll.isOpenAt(now)
                        ? Optional.of("\"" + poll.title() + "\" is open already.")
                        : Optional.empty())
                .or(() -> closes.flatMap(at -> PollService.whyNotCloseTime(at, now)));
        if (refused.isPresent()) {
            return denied(refused.get());
        }
        return store.reopen(poll.id(), closes.orElse(null), member.userId(), now)
                .thenApplyAsync(
                        reopened -> new Changed(reopened, "\"" + poll.title() + "\" is open again."), afterCommit);
    }

    /** Deletes the poll and all its votes, for its creator or an admin who confirmed. */
    public CompletionStage<LifecycleOutcome> delete(Member member, Poll poll) {
        Optional<String> refused = managedBy(member, poll, "delete");
        if (refused.isPresent()) {
            return denied(refused.get());
        }
        return store.delete(poll.id()).thenApplyAsync(message -> new Deleted(poll, message), afterCommit);
    }

    /**
     * Deletes the member's own answers in {@code poll}, or in every poll of their workspace when
     * empty. Anyone may; it never reaches another member's answers.
     */
    public CompletionStage<LifecycleOutcome> forget(Member member, Optional<Poll> poll) {
        if (poll.isPresent() && !isInChannelOf(poll.get(), member)) {
            return denied("No poll #" + poll.get().id() + " in this channel.");
        }
        List<Long> ids =
                poll.map(found -> List.of(found.id())).orElseGet(() -> store.pollsOfWorkspace(member.workspace()));
        return store.forget(member.userId(), ids)
                .thenApplyAsync(
                        changed -> new Forgotten(
                                changed.stream()
                                        .map(polls::findById)
                                        .flatMap(Optional::stream)
                                        .toList(),
                                ids.size()),
                        afterCommit);
    }

    /** Why the member may not export the poll's answers or post its reminder: only admins may. */
    public Optional<String> whyNotAdmin(Member member, Poll poll, String what) {
        if (!isInChannelOf(poll, member)) {
            return Optional.of("No poll #" + poll.id() + " in this channel.");
        }
        return member.admin() ? Optional.empty() : Optional.of("Only admins can " + what + ".");
    }

    public Participation participation(Poll poll) {
        return new Participation(
                polls.voterCount(poll.id()),
                store.completeBallots(poll.id(), poll.definition().cellCount()));
    }

    /** Changes made to the poll after {@code after}, oldest first: what the next summary notes. */
    public List<PollChange> changesSince(Poll poll, Instant after) {
        return store.changesSince(poll.id(), after);
    }

    /** Why the member may not edit, reopen or delete the poll ({@code verb}): only its creator or an admin may. */
    public Optional<String> whyNotManaged(Member member, Poll poll, String verb) {
        return managedBy(member, poll, verb);
    }

    private static Optional<String> managedBy(Member member, Poll poll, String verb) {
        if (!isInChannelOf(poll, member)) {
            return Optional.of("No poll #" + poll.id() + " in this channel.");
        }
        if (!member.admin() && !member.userId().equals(poll.createdBy())) {
            return Optional.of("Only the member who started \"" + poll.title() + "\" or an admin can " + verb + " it.");
        }
        return Optional.empty();
    }

    private static boolean isInChannelOf(Poll poll, Member member) {
        return poll.workspace().equals(member.workspace()) && poll.channelId().equals(member.channelId());
    }

    private static CompletionStage<LifecycleOutcome> denied(String reason) {
        return CompletableFuture.completedFuture(new Denied(reason));
    }
}
