package dev.fieldpoll.poll;

import dev.fieldpoll.poll.Outcomes.Closing;
import dev.fieldpoll.poll.Outcomes.Created;
import dev.fieldpoll.poll.Outcomes.Found;
import dev.fieldpoll.poll.Outcomes.Listing;
import dev.fieldpoll.poll.Outcomes.Listings;
import dev.fieldpoll.poll.Outcomes.Lookup;
import dev.fieldpoll.poll.Outcomes.PollClosed;
import dev.fieldpoll.poll.Outcomes.PollCreated;
import dev.fieldpoll.poll.Outcomes.PollIsClosed;
import dev.fieldpoll.poll.Outcomes.Refused;
import dev.fieldpoll.poll.Outcomes.Results;
import dev.fieldpoll.poll.Outcomes.ResultsHidden;
import dev.fieldpoll.poll.Outcomes.ResultsVisible;
import dev.fieldpoll.poll.Outcomes.Voted;
import dev.fieldpoll.poll.Outcomes.VotesSaved;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The use cases of polls: create, find, change answers, close, list, results access.
 * Every id and value here may come from a client, so each is checked again. Writes a member waits
 * for return a stage that completes once committed, on the after-commit executor; no thread waits
 * for the commit meanwhile. Thread-safe: it keeps no state of its own.
 */
public final class PollService {

    /** Between a typed field's name and its description: an em dash or two hyphens, with spaces around. */
    private static final java.util.regex.Pattern FIELD_DESCRIPTION = java.util.regex.Pattern.compile("\\s+(—|--)\\s+");

    private final PollStore store;
    private final TemplateCatalog templates;
    private final Clock clock;
    private final PollPolicy policy;
    private final Executor afterCommit;

    /**
     * {@code afterCommit} runs what follows a commit (the reply to a vote, say): the store completes
     * its stages on its committer thread, which must move on to the next commit at once.
     */
    public PollService(
            PollStore store, TemplateCatalog templates, Clock clock, PollPolicy policy, Executor afterCommit) {
        this.store = store;
        this.templates = templates;
        this.clock = clock;
        this.policy = policy;
        this.afterCommit = afterCommit;
    }

    public Instant now() {
        return clock.instant();
    }

    public TemplateCatalog templates() {
        return templates;
    }

    /** Creates the poll (with its closing-soon post or results post off when the request says so) in one commit. */
    public CompletionStage<Created> create(Member creator, CreateRequest request) {
        Instant now = clock.instant();
        Optional<Template> template = request.isAdHoc() ? Optional.empty() : findTemplate(request.templateKey());
        Optional<String> refused = whyNotCreated(creator, request, now, template);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Refused(refused.get()));
        }
        NewPoll poll;
        try {
            PollDefinition definition = template.map(Template::definition).orElseGet(() -> adHoc(request));
            String title = request.title()
                    .filter(text -> !text.isBlank())
                    .or(() -> template.map(Template::title))
                    .orElseThrow(() -> new IllegalArgumentException("an ad-hoc poll needs a title"));
            poll = new NewPoll(
                    creator.workspace(),
                    creator.channelId(),
                    title,
                    template.map(Template::key).orElse(null),
                    definition,
                    request.visibility(),
                    creator.userId(),
                    now,
                    request.closesAt().orElse(null),
                    request.eligibleRole().orElse(null),
                    request.remind(),
                    request.announce());
        } catch (IllegalArgumentException invalid) {
            return CompletableFuture.completedFuture(
                    new Refused("That poll cannot be created: " + invalid.getMessage() + "."));
        }
        return store.create(poll).thenApplyAsync(PollCreated::new, afterCommit);
    }

    private Optional<String> whyNotCreated(
            Member creator, CreateRequest request, Instant now, Optional<Template> template) {
        if (policy.onlyAdminsCreate() && !creator.admin()) {
            return Optional.of("Only admins can start polls in this community.");
        }
        Optional<String> badClose = request.closesAt().flatMap(closes -> whyNotCloseTime(closes, now));
        if (badClose.isPresent()) {
            return badClose;
        }
        if (!request.isAdHoc() && template.isEmpty()) {
            return Optional.of(templates.unknown(request.templateKey().orElse("")));
        }
        return Optional.empty();
    }

    /** Why a poll may not close at {@code closes}: in the past, or further than a year away. Create, edit, reopen and rerun share it. */
    static Optional<String> whyNotCloseTime(Instant closes, Instant now) {
        if (!closes.isAfter(now)) {
            return Optional.of("The close time is in the past. Try closes:3d or a future date like closes:2026-12-24.");
        }
        if (closes.isAfter(now.plus(Poll.LONGEST_OPEN))) {
            return Optional.of(Poll.CLOSES_OUT_OF_RANGE);
        }
        return Optional.empty();
    }

    private Optional<Template> findTemplate(Optional<String> key) {
        return key.map(templates::find).orElseGet(() -> Optional.of(templates.defaultTemplate()));
    }

    private static PollDefinition adHoc(CreateRequest request) {
        if (request.adHocFields().isEmpty() || request.adHocFactors().isEmpty()) {
            throw new IllegalArgumentException("an ad-hoc poll needs both fields:\"A; B\" and factors:\"X; Y\"");
        }
        // Keys keep the letters of any script ("苹果"); names without any are numbered: f1, f2 / q1, q2.
        // "Name — what it means" names a field and describes it (the ballot shows the description).
        List<String[]> named = request.adHocFields().stream()
                .map(typed -> FIELD_DESCRIPTION.split(typed, 2))
                .toList();
        List<String> fieldNames = named.stream().map(parts -> parts[0].strip()).toList();
        List<String> fieldKeys = Keys.keysFor(fieldNames, "f", "field");
        List<Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            String[] parts = named.get(i);
            fields.add(new Field(fieldKeys.get(i), fieldNames.get(i), parts.length > 1 ? parts[1].strip() : ""));
        }
        List<String> factorNames = request.adHocFactors();
        List<String> factorKeys = Keys.keysFor(factorNames, "q", "factor");
        List<Factor> factors = new java.util.ArrayList<>();
        for (int i = 0; i < factorNames.size(); i++) {
            factors.add(Factor.named(factorKeys.get(i), factorNames.get(i)));
        }
        return new PollDefinition(request.scale(), fields, factors, Map.of());
    }

    /** Finds the poll a member means in their channel: by id, by title prefix, or the one open poll. */
    public Lookup find(Member member, PollRef ref) {
        if (ref instanceof PollRef.ById byId) {
            return inChannel(member, byId.id()).<Lookup>map(Found::new).orElseGet(() -> noPoll(byId.id()));
        }
        if (ref instanceof PollRef.ByTitle byTitle) {
            return findByTitle(member, byTitle.prefix());
        }
        return findDefault(member);
    }

    /**
     * {@link #find} for a vote: a poll named by id may be the store's copy of moments ago rather than
     * a fresh read, since the vote's write checks itself that the poll is still open.
     */
    public Lookup findForVote(Member member, PollRef ref) {
        if (ref instanceof PollRef.ById byId) {
            return store.findForVote(member.workspace(), member.channelId(), byId.id())
                    .<Lookup>map(Found::new)
                    .orElseGet(() -> noPoll(byId.id()));
        }
        return find(member, ref);
    }

    /**
     * The poll with this id in the workspace, whatever its channel: only for a results page's
     * verified personal link. The bot signed that link for this poll, and only in the poll's own
     * channel, so it names no channel; every lookup a member types or clicks goes through
     * {@link #find(Member, PollRef)}, which is channel-scoped.
     */
    public Optional<Poll> findInWorkspace(Workspace workspace, long pollId) {
        return store.findById(pollId).filter(poll -> poll.workspace().equals(workspace));
    }

    /** The poll by id alone, for an id from a link this bot signed (a public results page). */
    public Optional<Poll> findLinked(long pollId) {
        return store.findById(pollId);
    }

    /** Polls by id, only in the member's own workspace and channel. */
    private Optional<Poll> inChannel(Member member, long pollId) {
        return store.find(member.workspace(), member.channelId(), pollId);
    }

    private static boolean isInChannelOf(Poll poll, Member member) {
        return poll.workspace().equals(member.workspace()) && poll.channelId().equals(member.channelId());
    }

    /** Another workspace's poll, another channel's, and none at all get the same answer: nothing leaks. */
    private static Refused noPoll(long pollId) {
        return new Refused("No poll #" + pollId + " in this channel. `/poll list` shows this channel's polls.");
    }

    private Lookup findByTitle(Member member, String prefix) {
        List<Poll> polls = store.listInChannel(member.workspace(), member.channelId());
        NameMatch<Poll> match = NameMatch.of(prefix, polls, poll -> Long.toString(poll.id()), Poll::title);
        if (match instanceof NameMatch.Found<Poll> found) {
            return new Found(found.item());
        }
        if (match instanceof NameMatch.Ambiguous<Poll> ambiguous) {
            List<Poll> open = ambiguous.candidates().stream()
                    .filter(poll -> poll.isOpenAt(now()))
                    .toList();
            return open.size() == 1
                    ? new Found(open.get(0))
                    : new Refused("Several polls start with '" + Keys.shown(prefix) + "': "
                            + describe(ambiguous.candidates()) + ". Name one by its id, like #"
                            + ambiguous.candidates().get(0).id() + ".");
        }
        return new Refused("No poll in this channel is titled '" + Keys.shown(prefix)
                + "'. `/poll list` shows this channel's polls.");
    }

    private Lookup findDefault(Member member) {
        List<Poll> polls = store.listInChannel(member.workspace(), member.channelId());
        if (polls.isEmpty()) {
            return new Refused("There is no poll in this channel yet. Start one with `/poll create`.");
        }
        List<Poll> open = polls.stream().filter(poll -> poll.isOpenAt(now())).toList();
        if (open.size() == 1) {
            return new Found(open.get(0));
        }
        if (open.isEmpty()) {
            return new Found(polls.get(0));
        }
        return new Refused("This channel has " + open.size() + " open polls: " + describe(open)
                + ". Name one by id or title, like `poll:#" + open.get(0).id() + "`.");
    }

    private static String describe(List<Poll> polls) {
        return String.join(
                ", ",
                polls.stream()
                        .limit(5)
                        .map(poll -> "#" + poll.id() + " " + poll.title())
                        .toList());
    }

    /**
     * Sets the member's {@code answers} and withdraws their {@code clears} in one commit, after
     * checking every cell and score against the poll itself, for a poll the caller found in the
     * member's channel. Completes with the ballot as on disk after the commit, read on the
     * after-commit executor rather than by the store's one committer; or closed, when the poll
     * closed before the write (the write itself checks, whatever {@code found} says).
     */
    public CompletionStage<Voted> changeAnswers(
            Member member, Poll found, Map<CellKey, Answer> answers, Collection<CellKey> clears) {
        Optional<Voted> refused = whyNotChanged(member, found, answers, clears);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        return store.changeAnswers(found.id(), member.userId(), answers, clears, now())
                .thenApplyAsync(
                        saved -> saved
                                ? new VotesSaved(found, store.ballot(found.id(), member.userId()))
                                : new PollIsClosed(found),
                        afterCommit);
    }

    /** A change only on an open poll of the member's own workspace and channel, for a role they hold. */
    private Optional<Voted> whyNotChanged(
            Member member, Poll poll, Map<CellKey, Answer> answers, Collection<CellKey> clears) {
        if (!isInChannelOf(poll, member)) {
            return Optional.of(noPoll(poll.id()));
        }
        if (!poll.isOpenAt(now())) {
            return Optional.of(new PollIsClosed(poll));
        }
        Optional<String> problem =
                whyNotEligible(member, poll).or(() -> problemWith(poll.definition(), answers, clears));
        return problem.map(Refused::new);
    }

    /**
     * Why the member may not vote in the poll, if it is limited to a role they do not hold.
     * Admin rights do not count: the role says who the poll asks.
     */
    public Optional<String> whyNotEligible(Member member, Poll poll) {
        if (poll.voterRole().isEmpty()
                || member.roles().contains(poll.voterRole().get())) {
            return Optional.empty();
        }
        return Optional.of("Voting in \"" + poll.title() + "\" is limited to members with its voter role, "
                + "and you don't have it. Ask an admin if you should.");
    }

    private static Optional<String> problemWith(
            PollDefinition definition, Map<CellKey, Answer> answers, Collection<CellKey> clears) {
        if (answers.isEmpty() && clears.isEmpty()) {
            return Optional.of("There is nothing to save: give at least one score.");
        }
        for (CellKey cell : clears) {
            if (!definition.hasCell(cell)) {
                return Optional.of(noCell(cell));
            }
        }
        for (Map.Entry<CellKey, Answer> entry : answers.entrySet()) {
            CellKey cell = entry.getKey();
            if (!definition.hasCell(cell)) {
                return Optional.of(noCell(cell));
            }
            if (entry.getValue() instanceof Answer.Score score
                    && !definition.scale().contains(score.value())) {
                return Optional.of("Scores go from " + definition.scale().min() + " to "
                        + definition.scale().max() + " (or ? for don't know); " + score.value() + " is outside.");
            }
        }
        return Optional.empty();
    }

    private static String noCell(CellKey cell) {
        return "This poll has no '" + Keys.shown(cell.field()) + "' scored on '" + Keys.shown(cell.factor()) + "'.";
    }

    /** Closes the poll for its creator or an admin; completes once the close is committed. */
    public CompletionStage<Closing> close(Member member, long pollId) {
        Optional<Poll> found = inChannel(member, pollId);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(noPoll(pollId));
        }
        Poll poll = found.get();
        if (!member.admin() && !member.userId().equals(poll.createdBy())) {
            return CompletableFuture.completedFuture(
                    new Refused("Only the member who started \"" + poll.title() + "\" or an admin can close it."));
        }
        if (!poll.isOpenAt(now())) {
            return CompletableFuture.completedFuture(new PollIsClosed(poll));
        }
        return store.close(poll.id(), now())
                .thenApplyAsync(
                        closed -> closed
                                ? new PollClosed(inChannel(member, pollId).orElse(poll), store.voterCount(pollId))
                                : new PollIsClosed(poll),
                        afterCommit);
    }

    public Listings list(Member member) {
        Instant now = now();
        return new Listings(store.listInChannel(member.workspace(), member.channelId()).stream()
                .map(poll -> new Listing(poll, poll.statusAt(now), store.voterCount(poll.id())))
                .toList());
    }

    /**
     * The open polls of the member's workspace in the channels they are in ({@code channelIds}, as
     * the platform says), newest first, with whether the member has voted in each.
     */
    public List<Outcomes.HomePoll> openPollsOf(Member member, Set<String> channelIds) {
        Instant now = now();
        return store.notClosedInWorkspace(member.workspace()).stream()
                .filter(poll -> poll.isOpenAt(now) && channelIds.contains(poll.channelId()))
                .map(poll -> new Outcomes.HomePoll(
                        poll,
                        !store.ballot(poll.id(), member.userId()).answers().isEmpty()))
                .toList();
    }

    public Ballot ballot(Member member, Poll poll) {
        return store.ballot(poll.id(), member.userId());
    }

    /**
     * Every stored answer of the poll with voters as pseudonyms (HMAC under the poll's own secret):
     * what exports and admin downloads hand out. Callers check who may have it.
     */
    public List<PseudonymousVote> pseudonymousVotes(Poll poll) {
        Pseudonyms pseudonyms = new Pseudonyms(store.pseudonymSecret(poll.id()));
        List<PseudonymousVote> votes = new ArrayList<>();
        store.forEachAnswer(
                poll.id(),
                (voter, cell, answer) -> votes.add(
                        new PseudonymousVote(pseudonyms.of(voter), cell.field(), cell.factor(), answer.valueOrNull())));
        return votes;
    }

    /**
     * Why the member may not post the poll's results to the whole channel, as a clause without its full
     * stop (the caller says what happens instead): {@link #whyNotAllowedToShare}, or
     * else, for a member who is not an admin, the results are not yet public to everyone (the poll is open
     * and its results are not live), so a share never shows early tallies the poll's rule withholds.
     */
    public Optional<String> whyNotShared(Member member, Poll poll) {
        Optional<String> notAllowed = whyNotAllowedToShare(member, poll);
        if (notAllowed.isPresent() || member.admin()) {
            return notAllowed;
        }
        if (poll.visibility() != ResultsVisibility.LIVE && poll.isOpenAt(now())) {
            return Optional.of("Results of \"" + poll.title() + "\" can go to the whole channel once the poll closes");
        }
        return Optional.empty();
    }

    /** Why polls.share-results does not let the member post the poll's results publicly (a clause); admins always may. */
    public Optional<String> whyNotAllowedToShare(Member member, Poll poll) {
        return switch (policy.shareResults()) {
            case EVERYONE -> Optional.empty();
            case CREATOR ->
                member.admin() || member.userId().equals(poll.createdBy())
                        ? Optional.empty()
                        : Optional.of("Only the member who started \"" + poll.title()
                                + "\" or an admin can post its results to the whole channel");
            case ADMINS ->
                member.admin() ? Optional.empty() : Optional.of("Only admins can post results to the whole channel");
        };
    }

    /** Whether the member may see results now, by the poll's visibility rule; admins always may. */
    public Results resultsAccess(Member member, Poll poll) {
        if (member.admin() || poll.visibility() == ResultsVisibility.LIVE) {
            return new ResultsVisible(poll);
        }
        boolean closed = !poll.isOpenAt(now());
        if (poll.visibility() == ResultsVisibility.AFTER_CLOSE && !closed) {
            return new ResultsHidden(poll, "Results of \"" + poll.title() + "\" are shown once the poll closes.");
        }
        if (poll.visibility() == ResultsVisibility.AFTER_VOTE
                && !closed
                && store.ballot(poll.id(), member.userId()).isEmpty()) {
            return new ResultsHidden(
                    poll,
                    "Vote first: results of \"" + poll.title()
                            + "\" are shown once you have voted, so early tallies don't sway you.");
        }
        return new ResultsVisible(poll);
    }
}
