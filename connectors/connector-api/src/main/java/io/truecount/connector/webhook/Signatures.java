package io.truecount.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMACs webhook vendors sign with, and the one comparison every receiver uses. */
public final class Signatures {

    private Signatures() {}

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        return hmac("HmacSHA256", key, message);
    }

    public static byte[] hmacSha256(String key, byte[] message) {
        return hmacSha256(key.getBytes(StandardCharsets.UTF_8), message);
    }

    public static byte[] hmacSha1(String key, byte[] message) {
        return hmac("HmacSHA1", key.getBytes(StandardCharsets.UTF_8), message);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Whether a signature the request carried equals the one computed, in time that does not depend on where they
     * differ (a timing side channel would let an attacker guess a signature byte by byte). Null never matches.
     */
    public static boolean matches(String computed, String received) {
        if (computed == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.UTF_8), received.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
