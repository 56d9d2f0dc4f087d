package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.CreateRequest;
import dev.fieldpoll.poll.Keys;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.Scale;
import dev.fieldpoll.poll.TemplateCatalog;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What each command does, for one caller: a visitor of {@link BotCommand}, so every command has its
 * method. Reads run on the calling thread; a write returns at once with a stage that completes
 * after its commit, and says what changed to the poll messages. Made anew for each command.
 */
final class CommandRunner implements BotCommand.Visitor<CompletionStage<BotReply>> {

    private final BotCore core;
    private final Caller caller;
    private final Member member;

    CommandRunner(BotCore core, Caller caller) {
        this.core = core;
        this.caller = caller;
        this.member = caller.member();
    }

    @Override
    public CompletionStage<BotReply> create(BotCommand.Create create) {
        if (caller.directMessage()) {
            return done(new Problem("Polls live in channels, not in direct messages. Run `/poll create` in a channel "
                    + "(and add me there); nothing was created."));
        }
        List<String> words = new ArrayList<>(create.words());
        Optional<String> template = create.template();
        TemplateCatalog catalog = core.polls().templates();
        if (template.isEmpty() && !words.isEmpty() && catalog.find(words.get(0)).isPresent()) {
            template = Optional.of(words.remove(0));
        } else if (template.isEmpty()
                && words.size() > 1
                && !catalog.near(words.get(0)).isEmpty()) {
            // "comunity-roadmap Our plans": a typo must not start a poll of the default template
            return done(new Problem(
                    catalog.unknown(words.get(0)) + " To start a poll with that title, put the title in quotes."));
        }
        if (template.isPresent() && catalog.find(template.get()).isEmpty()) {
            return done(new Problem(catalog.unknown(template.get())
                    + (create.bareWord()
                            ? " To use it as a title, quote it: `/poll create \"" + Keys.shown(template.get()) + "\"`."
                            : "")));
        }
        template = template.map(key -> catalog.find(key).orElseThrow().key());
        String title = String.join(" ", words).strip();
        boolean adHoc = !create.fields().isEmpty() || !create.factors().isEmpty();
        if (adHoc && title.isEmpty()) {
            return done(
                    new Problem(
                            "Give your poll a title: `/poll create Team priorities fields:\"A; B\" factors:\"Impact; Effort\"`."));
        }
        if (!adHoc && create.scale().isPresent()) {
            return done(new Problem("scale: is for your own fields and factors; a template brings its own scale. "
                    + "Nothing was created."));
        }
        CreateRequest request = new CreateRequest(
                template,
                title.isEmpty() ? Optional.empty() : Optional.of(title),
                create.fields(),
                create.factors(),
                create.results().orElse(null),
                create.closes().map(closes -> closes.resolve(core.polls().now(), core.zone())),
                create.voterRole(),
                create.remind(),
                create.announce(),
                create.scale().orElse(Scale.ONE_TO_FIVE));
        return core.polls()
                .create(member, request)
                .thenApply(created -> created.accept(new Outcomes.Created.Visitor<>() {
                    @Override
                    public BotReply created(Outcomes.PollCreated posted) {
                        return new BotReply.PollPosted(new PollMessageView(
                                posted.poll(), 0, core.polls().now()));
                    }

                    @Override
                    public BotReply refused(Outcomes.Refused refused) {
                        return new Problem(refused.reason());
                    }
                }));
    }

    @Override
    public CompletionStage<BotReply> openBallot(BotCommand.OpenBallot open) {
        return withPoll(open.poll(), this::ballot);
    }

    private BotReply ballot(Poll poll) {
        if (!poll.isOpenAt(core.polls().now())) {
            return closedProblem(poll);
        }
        Optional<String> notEligible = core.polls().whyNotEligible(member, poll);
        if (notEligible.isPresent()) {
            return new Problem(notEligible.get());
        }
        return new BotReply.BallotView(
                poll, core.polls().ballot(member, poll), core.rounds().hints(member, poll));
    }

    @Override
    public CompletionStage<BotReply> vote(BotCommand.Vote vote) {
        return withPollToVote(vote.poll(), poll -> {
            TypedVote typed = TypedVote.read(poll.definition(), vote);
            return typed.refused() ? done(typed.problem()) : saveAnswers(poll, typed.cells());
        });
    }

    @Override
    public CompletionStage<BotReply> setAnswers(BotCommand.SetAnswers answers) {
        if (answers.answers().isEmpty()) {
            return done(nothingToSave());
        }
        return withPollToVote(new PollRef.ById(answers.pollId()), poll -> saveAnswers(poll, answers.answers()));
    }

    /** Parses every score against the poll's scale before anything is written: all or nothing, one commit. */
    private CompletionStage<BotReply> saveAnswers(Poll poll, Map<CellKey, String> texts) {
        if (texts.isEmpty()) {
            return done(nothingToSave());
        }
        Map<CellKey, Answer> answers = new LinkedHashMap<>();
        List<CellKey> clears = new ArrayList<>();
        for (Map.Entry<CellKey, String> entry : texts.entrySet()) {
            if (ScoreText.isClear(entry.getValue())) {
                clears.add(entry.getKey());
                continue;
            }
            Optional<Answer> answer =
                    ScoreText.parse(entry.getValue(), poll.definition().scale());
            if (answer.isEmpty()) {
                return done(new BotReply.InvalidAnswer(
                        entry.getKey(),
                        "'" + Keys.shown(entry.getValue()) + "' is not a score here: give "
                                + ScoreText.expected(poll.definition().scale()) + "."));
            }
            answers.put(entry.getKey(), answer.get());
        }
        List<CellKey> cells = new ArrayList<>(texts.keySet());
        return core.polls()
                .changeAnswers(member, poll, answers, clears)
                .thenApply(voted -> voted.accept(new Outcomes.Voted.Visitor<>() {
                    @Override
                    public BotReply saved(Outcomes.VotesSaved saved) {
                        core.pollMessages().pollChanged(saved.poll());
                        return new BotReply.VoteSaved(saved.poll(), saved.ballot(), cells, answers.isEmpty());
                    }

                    @Override
                    public BotReply closed(Outcomes.PollIsClosed closed) {
                        return closedProblem(closed.poll());
                    }

                    @Override
                    public BotReply refused(Outcomes.Refused refused) {
                        return new Problem(refused.reason());
                    }
                }));
    }

    private static Problem nothingToSave() {
        return new Problem("There is nothing to save: give at least one score.");
    }

    private static Problem closedProblem(Poll poll) {
        return new Problem("\"" + poll.title() + "\" is closed, so votes are no longer taken. "
                + "`/poll results` shows how it ended.");
    }

    @Override
    public CompletionStage<BotReply> results(BotCommand.Results results) {
        return withPoll(results.poll(), poll -> results(poll, results.postPublicly()));
    }

    private BotReply results(Poll poll, boolean postPublicly) {
        Outcomes.Results access = core.polls().resultsAccess(member, poll);
        if (access instanceof Outcomes.ResultsHidden hidden) {
            Optional<String> notAllowed =
                    postPublicly ? core.polls().whyNotAllowedToShare(member, poll) : Optional.empty();
            return new Problem(notAllowed.map(why -> why + ". ").orElse("") + hidden.reason());
        }
        // the member sees the results; a share they may not make is shown to them alone (issue 9)
        Optional<String> notShared = postPublicly ? core.polls().whyNotShared(member, poll) : Optional.empty();
        boolean onlyForYou = notShared.isPresent();
        String notice =
                notShared.map(why -> why + "; here they are just for you.").orElse("");
        boolean shownPublicly = postPublicly && !onlyForYou;
        return new BotReply.ResultsView(
                poll,
                core.reports().reportFor(poll),
                shownPublicly,
                core.pages().linkFor(member, poll, shownPublicly),
                notice,
                core.rounds().report(poll));
    }

    @Override
    public CompletionStage<BotReply> sharePage(BotCommand.SharePage share) {
        return withPoll(share.poll(), poll -> core.pages().share(member, poll, share.makePublic()));
    }

    @Override
    public CompletionStage<BotReply> mine(BotCommand.Mine mine) {
        return withPoll(mine.poll(), this::myBallot);
    }

    /**
     * The member's answers and, when the poll has opinion groups and the member may see its
     * results, the group their own ballot is closest to: told to them alone, never to others.
     */
    private BotReply myBallot(Poll poll) {
        Ballot ballot = core.polls().ballot(member, poll);
        Optional<String> note = Optional.empty();
        if (!ballot.answers().isEmpty()
                && core.polls().resultsAccess(member, poll) instanceof Outcomes.ResultsVisible) {
            PollReport.Groups groups = core.reports().reportFor(poll).opinionGroups();
            note = groups.closestGroup(poll.definition(), ballot.answers())
                    .map(label -> GroupSentences.closest(label, groups.groups().size()));
        }
        return new BotReply.MyBallot(poll, ballot, note);
    }

    @Override
    public CompletionStage<BotReply> listPolls(BotCommand.ListPolls list) {
        return done(new BotReply.PollList(
                core.rounds().folded(core.polls().list(member).polls())));
    }

    @Override
    public CompletionStage<BotReply> close(BotCommand.Close close) {
        return withPollAsync(
                close.poll(),
                poll -> core.polls()
                        .close(member, poll.id())
                        .thenApply(closing -> closing.accept(new Outcomes.Closing.Visitor<>() {
                            @Override
                            public BotReply closed(Outcomes.PollClosed closed) {
                                core.pollMessages().pollClosed(closed.poll().id());
                                return new BotReply.PollClosed(closed.poll(), closed.voters());
                            }

                            @Override
                            public BotReply alreadyClosed(Outcomes.PollIsClosed alreadyClosed) {
                                return new Problem("\"" + alreadyClosed.poll().title() + "\" is already closed.");
                            }

                            @Override
                            public BotReply refused(Outcomes.Refused refused) {
                                return new Problem(refused.reason());
                            }
                        })));
    }

    @Override
    public CompletionStage<BotReply> help(BotCommand.Help help) {
        return done(HelpTopics.reply());
    }

    @Override
    public CompletionStage<BotReply> scheduleSummary(BotCommand.ScheduleSummary schedule) {
        return done(core.summaries().schedule(member, schedule));
    }

    @Override
    public CompletionStage<BotReply> showSummarySchedule(BotCommand.ShowSummarySchedule show) {
        return done(core.summaries().show(member));
    }

    @Override
    public CompletionStage<BotReply> stopSummaries(BotCommand.StopSummaries stop) {
        return done(core.summaries().stop(member));
    }

    @Override
    public CompletionStage<BotReply> summaryNow(BotCommand.SummaryNow now) {
        return core.summaries().now(member);
    }

    @Override
    public CompletionStage<BotReply> edit(BotCommand.Edit edit) {
        return withPollAsync(edit.poll(), poll -> lifecycle().edit(poll, edit));
    }

    @Override
    public CompletionStage<BotReply> openEditForm(BotCommand.OpenEditForm open) {
        return withPoll(open.poll(), poll -> lifecycle().editForm(poll));
    }

    @Override
    public CompletionStage<BotReply> reopen(BotCommand.Reopen reopen) {
        return withPollAsync(reopen.poll(), poll -> lifecycle().reopen(poll, reopen));
    }

    @Override
    public CompletionStage<BotReply> delete(BotCommand.Delete delete) {
        return withPollAsync(delete.poll(), poll -> lifecycle().delete(poll, delete.confirmed()));
    }

    @Override
    public CompletionStage<BotReply> forget(BotCommand.Forget forget) {
        return forget.all()
                ? lifecycle().forget(Optional.empty(), forget.confirmed())
                : withPollAsync(forget.poll(), poll -> lifecycle().forget(Optional.of(poll), forget.confirmed()));
    }

    @Override
    public CompletionStage<BotReply> export(BotCommand.Export export) {
        return withPoll(export.poll(), poll -> lifecycle().export(poll, export.format()));
    }

    @Override
    public CompletionStage<BotReply> remind(BotCommand.Remind remind) {
        return withPollAsync(remind.poll(), poll -> lifecycle().remind(poll));
    }

    private LifecycleCommands lifecycle() {
        return new LifecycleCommands(core, member);
    }

    @Override
    public CompletionStage<BotReply> rerun(BotCommand.Rerun rerun) {
        return withPollAsync(rerun.poll(), poll -> core.rounds().rerun(member, poll, rerun.closes()));
    }

    /** The previous round's answers saved for the cells not answered yet, like a ballot's answers: one commit. */
    @Override
    public CompletionStage<BotReply> keepAnswers(BotCommand.KeepAnswers keep) {
        return withPollAsync(keep.poll(), poll -> {
            BotReply refused = ballot(poll);
            if (!(refused instanceof BotReply.BallotView view)) {
                return done(refused);
            }
            Map<CellKey, String> kept =
                    view.rounds().map(hints -> hints.toKeep(view.ballot())).orElse(Map.of());
            return kept.isEmpty() ? RoundCommands.nothingToKeep(poll, view.rounds()) : saveAnswers(poll, kept);
        });
    }

    private CompletionStage<BotReply> withPoll(PollRef ref, Function<Poll, BotReply> action) {
        return withPollAsync(ref, poll -> done(action.apply(poll)));
    }

    /** The poll the member means, in their own channel; or why there is none. */
    private CompletionStage<BotReply> withPollAsync(PollRef ref, Function<Poll, CompletionStage<BotReply>> action) {
        return withPoll(core.polls().find(member, ref), action);
    }

    /** The same for a vote, which may take the poll as cached (its write checks that the poll is open). */
    private CompletionStage<BotReply> withPollToVote(PollRef ref, Function<Poll, CompletionStage<BotReply>> action) {
        return withPoll(core.polls().findForVote(member, ref), action);
    }

    private CompletionStage<BotReply> withPoll(
            Outcomes.Lookup lookup, Function<Poll, CompletionStage<BotReply>> action) {
        return lookup.accept(new Outcomes.Lookup.Visitor<>() {
            @Override
            public CompletionStage<BotReply> found(Outcomes.Found found) {
                return action.apply(found.poll());
            }

            @Override
            public CompletionStage<BotReply> refused(Outcomes.Refused refused) {
                return done(new Problem(refused.reason()));
            }
        });
    }

    private static CompletionStage<BotReply> done(BotReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
