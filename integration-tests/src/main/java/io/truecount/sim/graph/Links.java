package io.truecount.sim.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque tokens in Graph's links. A skip token names the listing, its position and page size; a delta token the
 * tenant's change sequence number the read stood at. Both name the tenant, so one tenant's link is no good for another.
 */
final class Links {

    /** A position in a listing: full read ({@code f}: from = snapshot seq), delta ({@code d}), or GDAP ({@code g}). */
    record Skip(String tenant, char kind, long from, long to, int offset, int size) {

        String encode() {
            return Links.encode(tenant + "|" + kind + "|" + from + "|" + to + "|" + offset + "|" + size);
        }

        /** Null when the token is not one this simulator issued. */
        static Skip decode(String token) {
            String[] parts = decodeParts(token, 6);
            if (parts == null || parts[1].length() != 1) {
                return null;
            }
            try {
                return new Skip(
                        parts[0],
                        parts[1].charAt(0),
                        Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]),
                        Integer.parseInt(parts[4]),
                        Integer.parseInt(parts[5]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private Links() {}

    static String deltaToken(String tenant, long seq) {
        return encode(tenant + "|" + seq);
    }

    /** The sequence number of a delta token of this tenant, or -1 when it is not one. */
    static long deltaSeq(String token, String tenant) {
        String[] parts = decodeParts(token, 2);
        if (parts == null || !parts[0].equals(tenant)) {
            return -1;
        }
        try {
            return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeParts(String token, int count) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            return parts.length == count ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
