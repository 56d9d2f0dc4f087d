package dev.fieldpoll.bot;

import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Poll;
import java.util.Optional;

/** Makes links to results pages (a port: the web adapter signs and serves them). Empty while pages are off. */
public interface ResultsLinks {

    /** No results pages: replies carry no link. */
    ResultsLinks NONE = new ResultsLinks() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Optional<PageLink> personal(Member member, Poll poll) {
            return Optional.empty();
        }

        @Override
        public Optional<PageLink> shared(Poll poll, int generation) {
            return Optional.empty();
        }
    };

    /** Whether pages are served now; while not, every link is empty. */
    boolean enabled();

    /** A link only this member's page opens, for a limited time, showing what the chat would show them then. */
    Optional<PageLink> personal(Member member, Poll poll);

    /** The link of the poll's public page in this generation (see {@link dev.fieldpoll.poll.PageSharing}). */
    Optional<PageLink> shared(Poll poll, int generation);
}
