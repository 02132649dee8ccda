package io.truecount.connector.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Stripe-Signature: t=1700000000,v1=<hex>[,v1=<hex>][,v0=<hex>]}: the timestamp and every {@code v1} scheme
 * signature (several while the endpoint secret is being rolled). {@code v0} and unknown schemes are ignored, as the
 * Stripe SDKs do.
 *
 * @param timestamp epoch seconds, or null when the header has no usable {@code t}
 * @param signatures the {@code v1} values, lower-cased
 */
record SignatureHeader(Long timestamp, List<String> signatures) {

    static SignatureHeader parse(String header) {
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            String key = kv[0].strip();
            String value = kv[1].strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException notANumber) {
                    timestamp = null;
                }
            } else if (key.equals("v1") && !value.isEmpty()) {
                signatures.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return new SignatureHeader(timestamp, List.copyOf(signatures));
    }
}
