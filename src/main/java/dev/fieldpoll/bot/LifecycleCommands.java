package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Notice;
import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.LifecycleOutcome;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollEdit;
import dev.fieldpoll.poll.PollLifecycleService;
import dev.fieldpoll.poll.PseudonymousVote;
import dev.fieldpoll.report.VotesCsvRenderer;
import dev.fieldpoll.report.VotesJsonRenderer;
import dev.fieldpoll.summary.ReminderJob;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What edit, reopen, delete, forget, export and remind do for one member, once the poll they named
 * was found in their channel: the use case runs, the poll message hears of the change, and one reply
 * says what happened. Made anew for each command.
 */
final class LifecycleCommands {

    private final BotCore core;
    private final Member member;
    private final PollLifecycleService lifecycle;

    LifecycleCommands(BotCore core, Member member) {
        this.core = core;
        this.member = member;
        this.lifecycle = core.lifecycle().service();
    }

    CompletionStage<BotReply> edit(Poll poll, BotCommand.Edit edit) {
        PollEdit change = new PollEdit(
                edit.add(),
                edit.remove(),
                edit.renames().stream()
                        .map(rename -> new PollEdit.Rename(rename.from(), rename.to()))
                        .toList(),
                edit.title(),
                edit.closes().map(closes -> closes.resolve(core.polls().now(), core.zone())),
                edit.results());
        return lifecycle.edit(member, poll, change).thenApply(this::reply);
    }

    /** The Edit button's form, or the same refusal a typed edit would get. */
    BotReply editForm(Poll poll) {
        return lifecycle
                .whyNotEditable(member, poll)
                .<BotReply>map(Problem::new)
                .orElseGet(() -> new BotReply.EditForm(poll));
    }

    CompletionStage<BotReply> reopen(Poll poll, BotCommand.Reopen reopen) {
        return lifecycle
                .reopen(
                        member,
                        poll,
                        reopen.closes()
                                .map(closes -> closes.resolve(core.polls().now(), core.zone())))
                .thenApply(this::reply);
    }

    CompletionStage<BotReply> delete(Poll poll, boolean confirmed) {
        Optional<String> laterRound = core.rounds().whyNotDeleted(poll);
        if (laterRound.isPresent()) {
            return done(new Problem(laterRound.get()));
        }
        if (!confirmed) {
            return done(lifecycle
                    .whyNotManaged(member, poll, "delete")
                    .<BotReply>map(Problem::new)
                    .orElseGet(() -> new BotReply.Confirm(
                            "Delete poll #" + poll.id() + " \"" + poll.title() + "\" and every answer in it? "
                                    + "This cannot be undone.",
                            "Delete poll #" + poll.id(),
                            ActionId.of(ActionId.Action.DELETE, poll.id()),
                            "/poll delete #" + poll.id() + " confirm")));
        }
        return lifecycle.delete(member, poll).thenApply(this::reply);
    }

    /** {@code poll} empty: every poll of the member's workspace. */
    CompletionStage<BotReply> forget(Optional<Poll> poll, boolean confirmed) {
        if (!confirmed) {
            String where = poll.map(found -> "poll #" + found.id() + " \"" + found.title() + "\"")
                    .orElse("every poll of this workspace");
            return done(new BotReply.Confirm(
                    "Delete all your answers in " + where + "? They cannot be brought back; you may vote again.",
                    "Forget my answers",
                    poll.map(found -> ActionId.of(ActionId.Action.FORGET, found.id(), "poll"))
                            .orElse(ActionId.of(ActionId.Action.FORGET, ALL_POLLS, "all")),
                    poll.map(found -> "/poll forget #" + found.id() + " confirm")
                            .orElse("/poll forget all confirm")));
        }
        return lifecycle.forget(member, poll).thenApply(this::reply);
    }

    /** A forget-all button names no poll; the id codec needs one, so it carries this placeholder. */
    static final long ALL_POLLS = 1;

    BotReply export(Poll poll, BotCommand.ExportFormat format) {
        Optional<String> refused = lifecycle.whyNotAdmin(member, poll, "export a poll's answers");
        if (refused.isPresent()) {
            return new Problem(refused.get());
        }
        List<PseudonymousVote> votes = core.polls().pseudonymousVotes(poll);
        String content;
        if (format == BotCommand.ExportFormat.JSON) {
            content = new VotesJsonRenderer().render(poll, votes) + "\n";
        } else {
            StringBuilder csv = new StringBuilder();
            new VotesCsvRenderer().render(votes, csv);
            content = csv.toString();
        }
        String extension = format == BotCommand.ExportFormat.JSON ? "json" : "csv";
        long voters = votes.stream().map(PseudonymousVote::voter).distinct().count();
        return new BotReply.ExportFile(
                poll,
                "poll-" + poll.id() + "-votes." + extension,
                format == BotCommand.ExportFormat.JSON ? "application/json" : "text/csv",
                content.getBytes(StandardCharsets.UTF_8),
                "The answers of poll #" + poll.id() + " \"" + poll.title() + "\": " + votes.size() + " answers from "
                        + voters + (voters == 1 ? " member" : " members")
                        + ", each shown by a pseudonym that is the same throughout this poll. Only you see this file.");
    }

    CompletionStage<BotReply> remind(Poll poll) {
        Optional<String> refused = lifecycle.whyNotAdmin(member, poll, "post a poll's closing reminder");
        if (refused.isPresent()) {
            return done(new Problem(refused.get()));
        }
        if (!poll.isOpenAt(core.polls().now())) {
            return done(new Problem("\"" + poll.title() + "\" is closed, so there is nothing to remind of."));
        }
        PollLifecycleService.Participation participation = lifecycle.participation(poll);
        return core.lifecycle()
                .reminders()
                .remindNow(poll)
                .handle((posted, failure) -> failure == null
                        ? new Notice("Posted the closing reminder of poll #" + poll.id() + ": " + participation.voters()
                                + (participation.voters() == 1 ? " member has" : " members have") + " voted, "
                                + participation.complete() + " on every field and factor.")
                        : new Problem("I couldn't post the reminder in this channel just now. Please try again soon."));
    }

    private BotReply reply(LifecycleOutcome outcome) {
        return outcome.accept(new LifecycleOutcome.Visitor<>() {
            @Override
            public BotReply changed(LifecycleOutcome.Changed changed) {
                core.pollMessages().pollEdited(changed.poll());
                return new Notice("Poll #" + changed.poll().id() + ": " + changed.message());
            }

            @Override
            public BotReply deleted(LifecycleOutcome.Deleted deleted) {
                core.pollMessages().pollDeleted(deleted.poll(), deleted.messageId());
                return new Notice("Poll #" + deleted.poll().id() + " \""
                        + deleted.poll().title() + "\" and every answer in it are deleted.");
            }

            @Override
            public BotReply forgotten(LifecycleOutcome.Forgotten forgotten) {
                forgotten.changed().forEach(poll -> core.pollMessages().pollChanged(poll));
                int polls = forgotten.changed().size();
                return new Notice(
                        polls == 0
                                ? "You had no answers there, so there was nothing to forget."
                                : "Your answers are deleted from " + polls + (polls == 1 ? " poll" : " polls")
                                        + ". Nothing of them is kept, and later exports no longer list you.");
            }

            @Override
            public BotReply denied(LifecycleOutcome.Denied denied) {
                return new Problem(denied.reason());
            }
        });
    }

    private static CompletionStage<BotReply> done(BotReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    /** What lifecycle commands need beyond the core: the use cases and the reminder job. */
    record Parts(PollLifecycleService service, ReminderJob reminders) {}
}
