package io.truecount.connector.quickbooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * QuickBooks' idempotency key, the {@code requestid} query parameter: a repeated request with the same id gets the
 * first answer instead of a second invoice. Intuit takes at most {@value #MAX_LENGTH} characters, so a push key that
 * does not fit (or holds characters a URL would have to escape) is replaced by a digest of itself: still the same for
 * every attempt of the same push.
 */
final class RequestId {

    static final int MAX_LENGTH = 50;
    private static final String DIGEST_PREFIX = "truecount-";
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private RequestId() {}

    static String of(String pushKey) {
        if (pushKey.length() <= MAX_LENGTH && URL_SAFE.matcher(pushKey).matches()) {
            return pushKey;
        }
        return DIGEST_PREFIX + sha256Hex(pushKey).substring(0, MAX_LENGTH - DIGEST_PREFIX.length());
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
