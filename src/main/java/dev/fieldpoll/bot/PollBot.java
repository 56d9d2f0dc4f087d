package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.Answer;
import dev.fieldpoll.poll.Ballot;
import dev.fieldpoll.poll.CellKey;
import dev.fieldpoll.poll.CreateRequest;
import dev.fieldpoll.poll.Factor;
import dev.fieldpoll.poll.Field;
import dev.fieldpoll.poll.Keys;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.NameMatch;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollDefinition;
import dev.fieldpoll.poll.PollRef;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.StoreException;
import dev.fieldpoll.poll.TemplateCatalog;
import dev.fieldpoll.report.GroupSentences;
import dev.fieldpoll.report.PollReport;
import dev.fieldpoll.report.ReportService;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation every platform shares: a command from a caller in, one reply out.
 * Never throws: bugs and I/O failures become a friendly Problem, logged here.
 */
public final class PollBot {

    private static final Logger log = LoggerFactory.getLogger(PollBot.class);
    /** A "no such field" answer lists the poll's names when there are this few. */
    private static final int LISTED_NAMES = 6;

    private final PollService polls;
    private final ReportService reports;
    private final SummaryCommands summaries;
    private final ResultsPageService pages;
    private final RateLimiter rateLimiter;
    private final ZoneId zone;

    public PollBot(
            PollService polls,
            ReportService reports,
            SummaryCommands summaries,
            ResultsPageService pages,
            RateLimiter rateLimiter,
            ZoneId zone) {
        this.polls = polls;
        this.reports = reports;
        this.summaries = summaries;
        this.pages = pages;
        this.rateLimiter = rateLimiter;
        this.zone = zone;
    }

    /** The results page a verified personal link asks for: what the chat would show that member now. */
    public PageReply page(PageViewer viewer, long pollId) {
        return pages.page(viewer, pollId);
    }

    /** The results page a public link asks for, while an admin keeps it public. */
    public PageReply sharedPage(long pollId, int generation) {
        return pages.sharedPage(pollId, generation);
    }

    /** An admin's download of a poll's answers (pseudonymous voters), through their personal link. */
    public PageReply votes(PageViewer viewer, long pollId) {
        return pages.votes(viewer, pollId);
    }

    public BotReply handle(Caller caller, BotCommand command) {
        if (!rateLimiter.tryAcquire(RateLimiter.memberKey(caller.platform(), caller.workspaceId(), caller.userId()))) {
            return new Problem("Slow down a little: you are sending commands faster than I take them. "
                    + "Try again in a few seconds; nothing was changed.");
        }
        if (caller.directMessage() && command instanceof BotCommand.Create) {
            return new Problem("Polls live in channels, not in direct messages. Run `/poll create` in a channel "
                    + "(and add me there); nothing was created.");
        }
        try {
            return dispatch(caller.member(), command);
        } catch (StoreException storage) {
            log.error(
                    "Store failed for {} on {}: {}",
                    caller.platform(),
                    command.getClass().getSimpleName(),
                    storage.getMessage(),
                    storage);
            return new Problem(StoreFailureText.sentence(storage.kind()));
        } catch (RuntimeException bug) {
            log.error("Command {} failed for {}", command.getClass().getSimpleName(), caller.platform(), bug);
            return new Problem("Something went wrong on my side and nothing changed. Please try again.");
        }
    }

    private BotReply dispatch(Member member, BotCommand command) {
        if (command instanceof BotCommand.Create create) {
            return create(member, create);
        }
        if (command instanceof BotCommand.OpenBallot open) {
            return withPoll(member, open.poll(), poll -> ballot(member, poll));
        }
        if (command instanceof BotCommand.Vote vote) {
            return withPoll(member, vote.poll(), poll -> typedVote(member, poll, vote));
        }
        if (command instanceof BotCommand.SetAnswers answers) {
            return saveAnswers(member, answers.pollId(), answers.answers());
        }
        if (command instanceof BotCommand.Results results) {
            return withPoll(member, results.poll(), poll -> results(member, poll, results.postPublicly()));
        }
        if (command instanceof BotCommand.SharePage share) {
            return withPoll(member, share.poll(), poll -> pages.share(member, poll, share.makePublic()));
        }
        if (command instanceof BotCommand.Mine mine) {
            return withPoll(member, mine.poll(), poll -> myBallot(member, poll));
        }
        if (command instanceof BotCommand.Close close) {
            return withPoll(member, close.poll(), poll -> close(member, poll));
        }
        if (command instanceof BotCommand.ListPolls) {
            return new BotReply.PollList(polls.list(member).polls());
        }
        if (command instanceof BotCommand.ScheduleSummary
                || command instanceof BotCommand.ShowSummarySchedule
                || command instanceof BotCommand.StopSummaries
                || command instanceof BotCommand.SummaryNow) {
            return summaries.handle(member, command);
        }
        return HelpTopics.reply();
    }

    private BotReply withPoll(Member member, PollRef ref, java.util.function.Function<Poll, BotReply> action) {
        Outcomes.Lookup lookup = polls.find(member, ref);
        if (lookup instanceof Outcomes.Found found) {
            return action.apply(found.poll());
        }
        return new Problem(((Outcomes.Refused) lookup).reason());
    }

    private BotReply create(Member member, BotCommand.Create create) {
        List<String> words = new ArrayList<>(create.words());
        Optional<String> template = create.template();
        TemplateCatalog catalog = polls.templates();
        if (template.isEmpty() && !words.isEmpty() && catalog.find(words.get(0)).isPresent()) {
            template = Optional.of(words.remove(0));
        } else if (template.isEmpty()
                && words.size() > 1
                && !catalog.near(words.get(0)).isEmpty()) {
            // "comunity-roadmap Our plans": a typo must not start a poll of the default template
            return new Problem(
                    catalog.unknown(words.get(0)) + " To start a poll with that title, put the title in quotes.");
        }
        if (template.isPresent() && catalog.find(template.get()).isEmpty()) {
            return new Problem(catalog.unknown(template.get())
                    + (create.bareWord()
                            ? " To use it as a title, quote it: `/poll create \"" + Keys.shown(template.get()) + "\"`."
                            : ""));
        }
        template = template.map(key -> catalog.find(key).orElseThrow().key());
        String title = String.join(" ", words).strip();
        boolean adHoc = !create.fields().isEmpty() || !create.factors().isEmpty();
        if (adHoc && title.isEmpty()) {
            return new Problem(
                    "Give your poll a title: `/poll create Team priorities fields:\"A; B\" factors:\"Impact; Effort\"`.");
        }
        CreateRequest request = new CreateRequest(
                template,
                title.isEmpty() ? Optional.empty() : Optional.of(title),
                create.fields(),
                create.factors(),
                create.results().orElse(null),
                create.closes().map(closes -> closes.resolve(polls.now(), zone)),
                create.voterRole());
        Outcomes.Created created = polls.create(member, request);
        if (created instanceof Outcomes.PollCreated posted) {
            if (!create.remind()) {
                summaries.turnOffReminder(posted.poll().id());
            }
            return new BotReply.PollPosted(posted.poll(), 0);
        }
        return new Problem(((Outcomes.Refused) created).reason());
    }

    private BotReply ballot(Member member, Poll poll) {
        if (!poll.isOpenAt(polls.now())) {
            return closedProblem(poll);
        }
        Optional<String> notEligible = polls.whyNotEligible(member, poll);
        if (notEligible.isPresent()) {
            return new Problem(notEligible.get());
        }
        return new BotReply.BallotView(poll, polls.ballot(member, poll));
    }

    private BotReply typedVote(Member member, Poll poll, BotCommand.Vote vote) {
        PollDefinition definition = poll.definition();
        NameMatch<Field> field = NameMatch.of(vote.field(), definition.fields(), Field::key, Field::name);
        if (!(field instanceof NameMatch.Found<Field> foundField)) {
            return new Problem(unmatched("field", vote.field(), field, definition.fields(), Field::name));
        }
        Map<CellKey, String> answers = new LinkedHashMap<>();
        for (BotCommand.FactorScore score : vote.scores()) {
            NameMatch<Factor> factor = NameMatch.of(score.factor(), definition.factors(), Factor::key, Factor::name);
            if (!(factor instanceof NameMatch.Found<Factor> foundFactor)) {
                return new Problem(unmatched("factor", score.factor(), factor, definition.factors(), Factor::name));
            }
            CellKey cell =
                    new CellKey(foundField.item().key(), foundFactor.item().key());
            if (answers.put(cell, score.score()) != null) {
                // feedback=3 feedback=4: which one was meant is a guess, so neither is saved
                return new Problem("You scored " + foundFactor.item().name() + " twice for "
                        + foundField.item().name() + ". Give each factor once; nothing was saved.");
            }
        }
        return saveAnswers(member, poll.id(), answers);
    }

    private static <T> String unmatched(
            String what, String typed, NameMatch<T> match, List<T> items, java.util.function.Function<T, String> name) {
        if (match instanceof NameMatch.Ambiguous<T> ambiguous) {
            return "'" + Keys.shown(typed) + "' could be " + names(ambiguous.candidates(), name)
                    + ". Type a little more.";
        }
        List<T> suggestions = ((NameMatch.Unknown<T>) match).suggestions();
        String unknown = "This poll has no " + what + " '" + Keys.shown(typed) + "'.";
        if (!suggestions.isEmpty()) {
            return unknown + " Did you mean " + names(suggestions, name) + "?";
        }
        return items.size() <= LISTED_NAMES
                ? unknown + " Its " + what + "s: "
                        + String.join(", ", items.stream().map(name).toList()) + "."
                : unknown + " `/poll vote` shows every " + what + ".";
    }

    private static <T> String names(List<T> items, java.util.function.Function<T, String> name) {
        return String.join(
                " or ", items.stream().map(item -> "'" + name.apply(item) + "'").toList());
    }

    /** Parses every score against the poll's scale before anything is written: all or nothing. */
    private BotReply saveAnswers(Member member, long pollId, Map<CellKey, String> texts) {
        if (texts.isEmpty()) {
            return new Problem("There is nothing to save: give at least one score.");
        }
        Outcomes.Lookup lookup = polls.find(member, new PollRef.ById(pollId));
        if (!(lookup instanceof Outcomes.Found found)) {
            return new Problem(((Outcomes.Refused) lookup).reason());
        }
        Poll poll = found.poll();
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
                return new BotReply.InvalidAnswer(
                        entry.getKey(),
                        "'" + Keys.shown(entry.getValue()) + "' is not a score here: give "
                                + ScoreText.expected(poll.definition().scale()) + ".");
            }
            answers.put(entry.getKey(), answer.get());
        }
        Outcomes.Voted voted =
                answers.isEmpty() ? polls.clear(member, poll, clears) : polls.vote(member, poll, answers);
        if (voted instanceof Outcomes.VotesSaved && !answers.isEmpty() && !clears.isEmpty()) {
            voted = polls.clear(member, poll, clears);
        }
        return votedReply(voted, new ArrayList<>(texts.keySet()), answers.isEmpty());
    }

    private static BotReply votedReply(Outcomes.Voted voted, List<CellKey> cells, boolean cleared) {
        if (voted instanceof Outcomes.VotesSaved saved) {
            return new BotReply.VoteSaved(saved.poll(), saved.ballot(), cells, cleared);
        }
        if (voted instanceof Outcomes.PollIsClosed closed) {
            return closedProblem(closed.poll());
        }
        return new Problem(((Outcomes.Refused) voted).reason());
    }

    private static Problem closedProblem(Poll poll) {
        return new Problem("\"" + poll.title() + "\" is closed, so votes are no longer taken. "
                + "`/poll results` shows how it ended.");
    }

    private BotReply results(Member member, Poll poll, boolean postPublicly) {
        boolean onlyForYou = postPublicly && !member.admin();
        String notice =
                onlyForYou ? "Only admins can post results to the whole channel; here they are just for you." : "";
        Outcomes.Results access = polls.resultsAccess(member, poll);
        if (access instanceof Outcomes.ResultsHidden hidden) {
            return new Problem(onlyForYou ? notice + " " + hidden.reason() : hidden.reason());
        }
        boolean shownPublicly = postPublicly && !onlyForYou;
        return new BotReply.ResultsView(
                poll, reports.reportFor(poll), shownPublicly, pages.linkFor(member, poll, shownPublicly), notice);
    }

    /**
     * The member's answers and, when the poll has opinion groups and the member may see its
     * results, the group their own ballot is closest to: told to them alone, never to others.
     */
    private BotReply myBallot(Member member, Poll poll) {
        Ballot ballot = polls.ballot(member, poll);
        Optional<String> note = Optional.empty();
        if (!ballot.answers().isEmpty() && polls.resultsAccess(member, poll) instanceof Outcomes.ResultsVisible) {
            PollReport.Groups groups = reports.reportFor(poll).opinionGroups();
            note = groups.closestGroup(poll.definition(), ballot.answers())
                    .map(label -> GroupSentences.closest(label, groups.groups().size()));
        }
        return new BotReply.MyBallot(poll, ballot, note);
    }

    private BotReply close(Member member, Poll poll) {
        Outcomes.Closing closing = polls.close(member, poll.id());
        if (closing instanceof Outcomes.PollClosed closed) {
            return new BotReply.PollClosed(closed.poll(), closed.voters());
        }
        if (closing instanceof Outcomes.PollIsClosed alreadyClosed) {
            return new Problem("\"" + alreadyClosed.poll().title() + "\" is already closed.");
        }
        return new Problem(((Outcomes.Refused) closing).reason());
    }
}
