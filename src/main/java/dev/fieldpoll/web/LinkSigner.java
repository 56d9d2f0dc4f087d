package dev.fieldpoll.web;

import dev.fieldpoll.poll.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs results-page links and checks them: the claims, written as bytes, then HMAC-SHA256 of
 * those bytes under the database's secret, both in URL-safe Base64 ({@code claims.signature}).
 * The signature is checked, in constant time, before a single claim is read.
 * Thread-safe: the key is immutable and every call makes its own {@link Mac}.
 */
final class LinkSigner {

    /** Far longer than any link this class makes; longer input is refused unread. */
    static final int MAX_TOKEN_LENGTH = 600;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    private static final byte VERSION = 1;
    private static final byte PERSONAL = 1;
    private static final byte SHARED = 2;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    LinkSigner(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("a link secret needs 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    String sign(LinkClaims claims) {
        byte[] payload = write(claims);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    LinkVerdict verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || token.length() > MAX_TOKEN_LENGTH) {
            return new LinkVerdict.Forged();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new LinkVerdict.Forged();
        }
        // MessageDigest.isEqual takes the same time wherever the first difference is
        if (signature.length != SIGNATURE_BYTES || !MessageDigest.isEqual(mac(payload), signature)) {
            return new LinkVerdict.Forged();
        }
        LinkClaims claims;
        try {
            claims = read(payload);
        } catch (IOException | IllegalArgumentException | NullPointerException unreadable) {
            // signed by this key yet unreadable: a link of another version; treat it as not ours
            return new LinkVerdict.Forged();
        }
        if (claims instanceof LinkClaims.Personal personal && !clock.instant().isBefore(personal.expires())) {
            return new LinkVerdict.Expired(personal.expires());
        }
        return new LinkVerdict.Valid(claims);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }

    private static byte[] write(LinkClaims claims) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(claims.pollId());
            if (claims instanceof LinkClaims.Personal personal) {
                out.writeByte(PERSONAL);
                out.writeUTF(personal.platform().name());
                out.writeUTF(personal.workspaceId());
                out.writeUTF(personal.userId());
                out.writeBoolean(personal.admin());
                out.writeLong(personal.expires().getEpochSecond());
            } else {
                out.writeByte(SHARED);
                out.writeInt(((LinkClaims.Shared) claims).generation());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return bytes.toByteArray();
    }

    private static LinkClaims read(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        if (in.readByte() != VERSION) {
            throw new IOException("unknown link version");
        }
        long pollId = in.readLong();
        byte kind = in.readByte();
        LinkClaims claims;
        if (kind == PERSONAL) {
            claims = new LinkClaims.Personal(
                    pollId,
                    Platform.valueOf(in.readUTF()),
                    in.readUTF(),
                    in.readUTF(),
                    in.readBoolean(),
                    Instant.ofEpochSecond(in.readLong()));
        } else if (kind == SHARED) {
            claims = new LinkClaims.Shared(pollId, in.readInt());
        } else {
            throw new IOException("unknown link kind");
        }
        if (in.available() > 0) {
            throw new IOException("trailing bytes");
        }
        return claims;
    }
}
