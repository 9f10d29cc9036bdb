package org.eventregistry.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes token secrets and compares them without leaking timing. */
final class Secrets {

    static final String PREFIX = "reg_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, URL-safe, with a prefix that secret scanners can recognise. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two secrets (through their hashes, so lengths leak nothing either). */
    static boolean same(String given, String expected) {
        return MessageDigest.isEqual(hash(given).getBytes(StandardCharsets.US_ASCII),
                hash(expected).getBytes(StandardCharsets.US_ASCII));
    }
}
