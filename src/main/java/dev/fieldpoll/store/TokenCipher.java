package dev.fieldpoll.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (Slack bot tokens) with AES-256-GCM: a fresh 12-byte nonce
 * per value, stored in front of the ciphertext and tag, and the row's key (the team id) as associated
 * data. The key comes from {@code FIELDPOLL_SECRET_KEY} (32 bytes, Base64) and never reaches the
 * database or the log. Thread-safe: a new {@link Cipher} per call; the key and the random are.
 */
public final class TokenCipher {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The key as {@code FIELDPOLL_SECRET_KEY} holds it: 32 bytes in Base64 ({@code openssl rand -base64 32}).
     * The message of a refusal never contains the value.
     */
    public static TokenCipher fromBase64(String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(
                    "FIELDPOLL_SECRET_KEY is not Base64 (make one with: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("FIELDPOLL_SECRET_KEY must be 32 bytes in Base64, was " + key.length
                    + " bytes (make one with: openssl rand -base64 32)");
        }
        return new TokenCipher(key);
    }

    byte[] encrypt(String plain, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return stored;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available in this Java", unavailable);
        }
    }

    /** Fails with {@link WrongKey} when the value was sealed under another key or for another row. */
    String decrypt(byte[] stored, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException wrongKey) {
            throw new WrongKey();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available in this Java", unavailable);
        }
    }

    /** A stored secret that this key cannot open: FIELDPOLL_SECRET_KEY changed, or the row was tampered with. */
    public static final class WrongKey extends RuntimeException {
        WrongKey() {
            super("a stored Slack token does not decrypt with FIELDPOLL_SECRET_KEY (was the key changed?)");
        }
    }
}
