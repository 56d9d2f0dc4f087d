package dev.fieldpoll.bot;

import dev.fieldpoll.bot.BotReply.Notice;
import dev.fieldpoll.bot.BotReply.Problem;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Outcomes;
import dev.fieldpoll.poll.PageSharing;
import dev.fieldpoll.poll.Poll;
import dev.fieldpoll.poll.PollService;
import dev.fieldpoll.poll.ResultsPageStore;
import dev.fieldpoll.report.ReportService;
import java.util.Optional;

/**
 * Results pages for the chat and the web: the link a Results reply carries, the admins' switch
 * between a private and a public page, and what a page shows its viewer — the chat's own rules
 * for that member, checked again at every request.
 */
public final class ResultsPageService {

    private final PollService polls;
    private final ReportService reports;
    private final ResultsPageStore store;
    private final ResultsLinks links;
    private final RateLimiter rateLimiter;

    public ResultsPageService(
            PollService polls,
            ReportService reports,
            ResultsPageStore store,
            ResultsLinks links,
            RateLimiter rateLimiter) {
        this.polls = polls;
        this.reports = reports;
        this.store = store;
        this.links = links;
        this.rateLimiter = rateLimiter;
    }

    /** A member's own link, or for results posted to the channel the public link if the page is public. */
    Optional<PageLink> linkFor(Member member, Poll poll, boolean postPublicly) {
        if (!links.enabled()) {
            return Optional.empty();
        }
        if (!postPublicly) {
            return links.personal(member, poll);
        }
        PageSharing sharing = store.sharing(poll.id());
        return sharing.isPublic() ? links.shared(poll, sharing.generation()) : Optional.empty();
    }

    /** {@code /poll results public page} and {@code /poll results private page}: admins only. */
    BotReply share(Member member, Poll poll, boolean makePublic) {
        if (!member.admin()) {
            return new Problem("Only admins can make a poll's results page public or private.");
        }
        if (!links.enabled()) {
            return new Problem("Results pages are switched off here, so there is no page to share. "
                    + "Whoever runs the bot can turn them on with web.enabled.");
        }
        PageSharing sharing = store.share(poll.id(), makePublic, member.userId(), polls.now());
        String page = "The results page of #" + poll.id() + " \"" + poll.title() + "\"";
        if (!makePublic) {
            return new Notice(page + " is private again: its public link no longer opens. "
                    + "Members still get their own link with `/poll results`.");
        }
        String link = links.shared(poll, sharing.generation())
                .map(shared -> shared.uri().toString())
                .orElseThrow(() -> new IllegalStateException("results pages stopped while sharing a page"));
        return new Notice(page + " is public now: " + link + " — anyone with this link sees the results as they "
                + "stand, without voting. `/poll results private page` takes it back.");
    }

    /** The page a verified personal link asks for, as the chat would show that member now. */
    PageReply page(PageViewer viewer, long pollId) {
        if (!rateLimiter.tryAcquire(RateLimiter.memberKey(viewer.platform(), viewer.workspaceId(), viewer.userId()))) {
            return new PageReply.SlowDown("Slow down a little: this page was asked for many times in a row. "
                    + "Try again in a few seconds.");
        }
        Optional<Poll> found = polls.findInWorkspace(viewer.workspace(), pollId);
        if (found.isEmpty()) {
            return new PageReply.Refused("This poll is no longer here. " + PageReply.NEW_LINK);
        }
        Poll poll = found.get();
        Member member = viewer.inChannelOf(poll).member();
        Outcomes.Results access = polls.resultsAccess(member, poll);
        if (access instanceof Outcomes.ResultsHidden hidden) {
            return new PageReply.Refused(hidden.reason() + " " + PageReply.NEW_LINK);
        }
        return new PageReply.Page(
                poll,
                reports.reportFor(poll),
                member.admin(),
                store.sharing(poll.id()).isPublic());
    }

    /** The page a public link asks for: only while an admin keeps it public, in the generation it names. */
    PageReply sharedPage(long pollId, int generation) {
        Optional<Poll> found = polls.findLinked(pollId);
        PageSharing sharing = found.isPresent() ? store.sharing(pollId) : PageSharing.PRIVATE;
        if (!sharing.isPublic() || sharing.generation() != generation) {
            return new PageReply.Refused("An admin of this poll has taken its public page back. Members of the "
                    + "poll's channel still get their own link there with /poll results.");
        }
        Poll poll = found.get();
        return new PageReply.Page(poll, reports.reportFor(poll), false, true);
    }

    /** Every answer of the poll with pseudonymous voters, for an admin's personal link only. */
    PageReply votes(PageViewer viewer, long pollId) {
        if (!viewer.admin()) {
            return new PageReply.Refused("Only admins can download the votes of a poll.");
        }
        PageReply page = page(viewer, pollId);
        if (!(page instanceof PageReply.Page shown)) {
            return page;
        }
        return new PageReply.Votes(shown.poll(), polls.pseudonymousVotes(shown.poll()));
    }
}
