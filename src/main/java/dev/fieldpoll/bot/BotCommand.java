package dev.fieldpoll.bot;

import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.ResultsVisibility;
import dev.fieldpoll.poll.Scale;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a member asked for, whichever platform it came from. Values are still untrusted text.
 * Handled through a {@link Visitor}: a new command is a new record, which must implement
 * {@link #accept}, and a new visit method, which every visitor must implement; so a command that is
 * not handled somewhere does not compile.
 */
public sealed interface BotCommand {

    <R> R accept(Visitor<R> visitor);

    /** One method per command: what a handler of every command implements. */
    interface Visitor<R> {
        R create(Create create);

        R openBallot(OpenBallot open);

        R vote(Vote vote);

        R setAnswers(SetAnswers answers);

        R results(Results results);

        R sharePage(SharePage share);

        R mine(Mine mine);

        R listPolls(ListPolls list);

        R close(Close close);

        R help(Help help);

        R scheduleSummary(ScheduleSummary schedule);

        R showSummarySchedule(ShowSummarySchedule show);

        R stopSummaries(StopSummaries stop);

        R summaryNow(SummaryNow now);

        R edit(Edit edit);

        R openEditForm(OpenEditForm open);

        R reopen(Reopen reopen);

        R delete(Delete delete);

        R forget(Forget forget);

        R export(Export export);

        R remind(Remind remind);

        R rerun(Rerun rerun);

        R keepAnswers(KeepAnswers keep);
    }

    /**
     * {@code words} are the title, unless the first one names a template. {@code voterRole}, when
     * present, limits voting to members holding that role (a platform role id). {@code remind} and
     * {@code announce} false turn off its closing-soon post and its results post at close. {@code bareWord}:
     * the template was one unquoted word typed after create, which a member may have meant as a title.
     */
    record Create(
            List<String> words,
            Optional<String> template,
            Optional<ClosesAt> closes,
            Optional<ResultsVisibility> results,
            List<String> fields,
            List<String> factors,
            Optional<String> voterRole,
            boolean remind,
            boolean announce,
            boolean bareWord,
            Optional<Scale> scale)
            implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.create(this);
        }

        public Create {
            words = List.copyOf(words);
            fields = List.copyOf(fields);
            factors = List.copyOf(factors);
            voterRole = voterRole == null ? Optional.empty() : voterRole;
            scale = scale == null ? Optional.empty() : scale;
        }

        /** On the ad-hoc polls' default scale, 1–5 (a template brings its own). */
        public Create(
                List<String> words,
                Optional<String> template,
                Optional<ClosesAt> closes,
                Optional<ResultsVisibility> results,
                List<String> fields,
                List<String> factors,
                Optional<String> voterRole,
                boolean remind,
                boolean announce,
                boolean bareWord) {
            this(
                    words,
                    template,
                    closes,
                    results,
                    fields,
                    factors,
                    voterRole,
                    remind,
                    announce,
                    bareWord,
                    Optional.empty());
        }

        /** A template named by an option, not by a bare word; its results posted in the channel at its close. */
        public Create(
                List<String> words,
                Optional<String> template,
                Optional<ClosesAt> closes,
                Optional<ResultsVisibility> results,
                List<String> fields,
                List<String> factors,
                Optional<String> voterRole,
                boolean remind) {
            this(words, template, closes, results, fields, factors, voterRole, remind, true, false);
        }

        /** A poll every member may vote in, with its closing reminder on. */
        public Create(
                List<String> words,
                Optional<String> template,
                Optional<ClosesAt> closes,
                Optional<ResultsVisibility> results,
                List<String> fields,
                List<String> factors) {
            this(words, template, closes, results, fields, factors, Optional.empty(), true);
        }
    }

    record OpenBallot(PollRef poll) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.openBallot(this);
        }
    }

    /** A typed vote: a field by name and factor=score pairs, all as typed. */
    record Vote(PollRef poll, String field, List<FactorScore> scores) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.vote(this);
        }

        public Vote {
            scores = List.copyOf(scores);
        }
    }

    record FactorScore(String factor, String score) {}

    /** Answers by cell key, from a ballot UI (a select, a modal, the console's stepped ballot). */
    record SetAnswers(long pollId, Map<CellKey, String> answers) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setAnswers(this);
        }

        public SetAnswers {
            answers = Map.copyOf(answers);
        }
    }

    record Results(PollRef poll, boolean postPublicly) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.results(this);
        }
    }

    /** Makes the poll's results page public (anyone with its link) or private again (personal links only). */
    record SharePage(PollRef poll, boolean makePublic) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sharePage(this);
        }
    }

    record Mine(PollRef poll) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.mine(this);
        }
    }

    record ListPolls() implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listPolls(this);
        }
    }

    record Close(PollRef poll) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.close(this);
        }
    }

    record Help() implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.help(this);
        }
    }

    /** Weekly summaries of the channel: set the time (zone defaults to the community's). */
    record ScheduleSummary(DayOfWeek day, LocalTime time, Optional<ZoneId> zone) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scheduleSummary(this);
        }
    }

    record ShowSummarySchedule() implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.showSummarySchedule(this);
        }
    }

    record StopSummaries() implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stopSummaries(this);
        }
    }

    record SummaryNow() implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.summaryNow(this);
        }
    }

    /**
     * Changes to an open poll, all as typed: fields to add and remove, renames ("old => new"), a
     * new title, close time or results rule (issue 14).
     */
    record Edit(
            PollRef poll,
            List<String> add,
            List<String> remove,
            List<Rename> renames,
            Optional<String> title,
            Optional<ClosesAt> closes,
            Optional<ResultsVisibility> results)
            implements BotCommand {
        public Edit {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
            renames = List.copyOf(renames);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.edit(this);
        }
    }

    /** The Edit button: the poll's edit form, prefilled, for its creator or an admin (issue 14). */
    record OpenEditForm(PollRef poll) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.openEditForm(this);
        }
    }

    /** One rename as typed: the field's current name, its new one. */
    record Rename(String from, String to) {}

    /** Opens a closed poll again, until {@code closes} or until closed by hand. */
    record Reopen(PollRef poll, Optional<ClosesAt> closes) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reopen(this);
        }
    }

    /** Deletes a poll and its votes; without {@code confirmed}, the member is asked first. */
    record Delete(PollRef poll, boolean confirmed) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.delete(this);
        }
    }

    /**
     * Deletes the member's own answers: in one poll, or with {@code all} in every poll of the
     * workspace; without {@code confirmed}, the member is asked first.
     */
    record Forget(PollRef poll, boolean all, boolean confirmed) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forget(this);
        }
    }

    /** An admin's download of a poll's answers with pseudonymous voters, sent privately. */
    record Export(PollRef poll, ExportFormat format) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.export(this);
        }
    }

    enum ExportFormat {
        CSV,
        JSON
    }

    /** An admin posts the poll's closing reminder now, with its participation. */
    record Remind(PollRef poll) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.remind(this);
        }
    }

    /** Opens the next round of a closed poll (Delphi), closing when asked: its creator or an admin. */
    record Rerun(PollRef poll, Optional<ClosesAt> closes) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rerun(this);
        }
    }

    /** In a later round: the member's answers of the previous round, kept for the cells not answered yet. */
    record KeepAnswers(PollRef poll) implements BotCommand {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.keepAnswers(this);
        }
    }
}
