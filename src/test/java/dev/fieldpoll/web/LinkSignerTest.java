package dev.fieldpoll.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.poll.Platform;
import dev.fieldpoll.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LinkSigner signer = new LinkSigner(SECRET, clock);
    private final LinkClaims.Personal alice = new LinkClaims.Personal(
            3, Platform.DISCORD, "guild-1", "alice", false, Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void a_signed_link_comes_back_with_its_claims() {
        // when a link is signed and checked
        String token = signer.sign(alice);

        // then it is URL-safe and says exactly what was signed
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(signer.verify(token)).isEqualTo(new LinkVerdict.Valid(alice));
        LinkClaims.Shared shared = new LinkClaims.Shared(3, 2);
        assertThat(signer.verify(signer.sign(shared))).isEqualTo(new LinkVerdict.Valid(shared));
    }

    @Test
    void any_changed_byte_of_claims_or_signature_makes_it_forged() {
        String token = signer.sign(alice);
        int dot = token.indexOf('.');
        byte[] claims = Base64.getUrlDecoder().decode(token.substring(0, dot));
        String signature = token.substring(dot + 1);

        for (int i = 0; i < claims.length; i++) {
            // given the claims with one byte changed (another member, poll, expiry or admin flag)
            byte[] altered = Arrays.copyOf(claims, claims.length);
            altered[i] ^= 1;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered) + "." + signature;

            // then the link is refused before anything in it is read
            assertThat(signer.verify(forged)).as("byte %d changed", i).isEqualTo(new LinkVerdict.Forged());
        }
        String otherSignature =
                token.substring(0, dot + 1) + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        assertThat(signer.verify(otherSignature)).isEqualTo(new LinkVerdict.Forged());
    }

    @Test
    void claims_made_admin_by_hand_are_forged() {
        LinkClaims.Personal admin = new LinkClaims.Personal(
                alice.pollId(), alice.platform(), alice.workspaceId(), alice.userId(), true, alice.expires());
        String adminClaims = signer.sign(admin).substring(0, signer.sign(admin).indexOf('.'));
        String aliceToken = signer.sign(alice);

        String spliced = adminClaims + aliceToken.substring(aliceToken.indexOf('.'));

        assertThat(signer.verify(spliced)).isEqualTo(new LinkVerdict.Forged());
    }

    @Test
    void another_secret_garbage_and_oversized_links_are_forged() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        String token = new LinkSigner(other, clock).sign(alice);

        assertThat(signer.verify(token)).isEqualTo(new LinkVerdict.Forged());
        assertThat(signer.verify("")).isEqualTo(new LinkVerdict.Forged());
        assertThat(signer.verify("not a link")).isEqualTo(new LinkVerdict.Forged());
        assertThat(signer.verify("a.b")).isEqualTo(new LinkVerdict.Forged());
        assertThat(signer.verify(".abc")).isEqualTo(new LinkVerdict.Forged());
        assertThat(signer.verify("%%%.###")).isEqualTo(new LinkVerdict.Forged());
        assertThat(signer.verify("A".repeat(LinkSigner.MAX_TOKEN_LENGTH) + "." + "B".repeat(43)))
                .isEqualTo(new LinkVerdict.Forged());
    }

    @Test
    void a_personal_link_expires_at_its_time_a_public_one_never() {
        String token = signer.sign(alice);
        String shared = signer.sign(new LinkClaims.Shared(3, 1));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(signer.verify(token)).isInstanceOf(LinkVerdict.Valid.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(signer.verify(token)).isEqualTo(new LinkVerdict.Expired(alice.expires()));
        clock.advance(Duration.ofDays(400));
        assertThat(signer.verify(shared)).isInstanceOf(LinkVerdict.Valid.class);
    }
}
