package io.truecount.sim.vendor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How payment and accounting vendors treat a repeated write (vendor-apis.md §8): the first request with a key is
 * applied and its answer kept; the same key with the same body gets that first answer again, without a second effect;
 * the same key with a different body is an error of the vendor's own shape. Answers the vendor did not finish
 * (throttled, 5xx) are not kept, so a retry is applied afresh, as at Stripe.
 */
public final class IdempotencyKeys {

    private record Kept(String fingerprint, Reply reply) {}

    private final Map<String, Kept> kept = new HashMap<>();
    private int replays;

    /**
     * @param key the request's key; null when it carried none (then every request is applied)
     * @param fingerprint what identifies the request's parameters (its body, method and path)
     * @param apply applies the request and answers
     * @param conflict the vendor's answer to a key reused with other parameters, given the key
     * @param replayed marks a replayed answer the way the vendor does ({@code Idempotent-Replayed: true})
     */
    public synchronized Reply answer(
            String key,
            String fingerprint,
            Supplier<Reply> apply,
            Function<String, Reply> conflict,
            Function<Reply, Reply> replayed) {
        if (key == null || key.isBlank()) {
            return apply.get();
        }
        Kept earlier = kept.get(key);
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                return conflict.apply(key);
            }
            replays++;
            return replayed.apply(earlier.reply());
        }
        Reply reply = apply.get();
        if (reply.status() < 500 && reply.status() != 429) {
            kept.put(key, new Kept(fingerprint, reply));
        }
        return reply;
    }

    /** How many requests were answered from a kept reply. */
    public synchronized int replays() {
        return replays;
    }

    public synchronized void clear() {
        kept.clear();
        replays = 0;
    }
}
