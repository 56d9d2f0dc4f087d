package dev.fieldpoll.poll;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable, non-reversible voter names for exports: HMAC-SHA256 of the voter id under the poll's
 * own secret. The same member gets the same pseudonym within a poll and different ones across polls.
 */
public final class Pseudonyms {

    private final Mac mac;

    public Pseudonyms(byte[] pollSecret) {
        if (pollSecret == null || pollSecret.length < 16) {
            throw new IllegalArgumentException("a poll secret needs at least 16 bytes");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pollSecret, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }

    public String of(String voterId) {
        byte[] digest = mac.doFinal(voterId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "v-" + HexFormat.of().formatHex(digest, 0, 6);
    }
}
