package dev.fieldpoll.web;

import dev.fieldpoll.bot.PageLink;
import dev.fieldpoll.bot.ResultsLinks;
import dev.fieldpoll.poll.Member;
import dev.fieldpoll.poll.Poll;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The links Results replies carry: signed, under the address the pages are served at. Empty until
 * the server listens (or while it does not), so a reply never holds a link that cannot open.
 * Thread-safe: the signer is, and the address is one volatile reference.
 */
public final class PageLinks implements ResultsLinks {

    /** Where a page lives below the base address: {@code r/<token>}. */
    static final String PAGE_PATH = "r/";

    private final LinkSigner signer;
    private final Clock clock;
    private final Duration lifetime;
    private volatile URI base;

    /**
     * @param secret   the database's link secret (32 bytes)
     * @param lifetime how long a personal link works
     */
    public PageLinks(byte[] secret, Clock clock, Duration lifetime) {
        this.signer = new LinkSigner(secret, clock);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    LinkSigner signer() {
        return signer;
    }

    /** From now on links point at {@code base} (ending in a slash); null stops links again. */
    void serveAt(URI base) {
        this.base = base;
    }

    @Override
    public boolean enabled() {
        return base != null;
    }

    @Override
    public Optional<PageLink> personal(Member member, Poll poll) {
        URI at = base;
        if (at == null) {
            return Optional.empty();
        }
        Instant expires = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        String token = signer.sign(new LinkClaims.Personal(
                poll.id(),
                member.workspace().platform(),
                member.workspace().id(),
                member.userId(),
                member.admin(),
                expires));
        return Optional.of(new PageLink(at.resolve(PAGE_PATH + token), Optional.of(expires)));
    }

    @Override
    public Optional<PageLink> shared(Poll poll, int generation) {
        URI at = base;
        if (at == null) {
            return Optional.empty();
        }
        String token = signer.sign(new LinkClaims.Shared(poll.id(), generation));
        return Optional.of(new PageLink(at.resolve(PAGE_PATH + token), Optional.empty()));
    }
}
