package dev.fieldpoll.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gate in front of HTTP mode: a request must carry Slack's signature over its timestamp and
 * body (HMAC-SHA256 with the signing secret), a timestamp within five minutes of now on either
 * side, and a signature not seen before in that window. Bolt checks the first two again, but takes
 * timestamps from the future and replays within the window; this refuses them. Thread-safe: the
 * signatures seen live in a concurrent map.
 */
final class SignedRequests {

    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Past this many remembered signatures, old ones are pruned on every request. */
    private static final int PRUNE_ABOVE = 10_000;

    /** Why a request was refused; the HTTP answer is 401 for each. */
    enum Verdict {
        ACCEPTED,
        UNSIGNED,
        OUTSIDE_WINDOW,
        WRONG_SIGNATURE,
        REPLAYED
    }

    private final byte[] secret;
    private final Clock clock;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    /** @param clock the clock Slack's timestamps are compared with: the system clock, as Bolt uses */
    SignedRequests(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    Verdict check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return Verdict.UNSIGNED;
        }
        long nowSeconds = clock.millis() / 1000;
        long sentSeconds = Long.parseLong(timestamp);
        if (Math.abs(nowSeconds - sentSeconds) > WINDOW.toSeconds()) {
            return Verdict.OUTSIDE_WINDOW;
        }
        if (!MessageDigest.isEqual(
                expected(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.WRONG_SIGNATURE;
        }
        prune(nowSeconds);
        // Remembered until its timestamp leaves the window: after that the window check refuses it anyway.
        return seen.putIfAbsent(signature, sentSeconds + WINDOW.toSeconds()) == null
                ? Verdict.ACCEPTED
                : Verdict.REPLAYED;
    }

    private String expected(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HMAC-SHA256 is not available", missing);
        }
    }

    private void prune(long nowSeconds) {
        if (seen.size() <= PRUNE_ABOVE) {
            return;
        }
        for (Iterator<Long> expiries = seen.values().iterator(); expiries.hasNext(); ) {
            if (expiries.next() < nowSeconds) {
                expiries.remove();
            }
        }
    }
}
