package io.truecount.app.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Correlation ids in the logging MDC for one piece of work (a sync run, a push, a webhook event, a cycle), so that
 * every line it logs, in JSON or text, can be found by id. Closing restores what was there before: work nests (a
 * cycle's syncs) and pooled threads move on to unrelated work.
 */
public final class Correlation implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private Correlation(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            previous.put(key, MDC.get(key));
            if (keysAndValues[i + 1] == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, keysAndValues[i + 1]);
            }
        }
    }

    /** Puts {@code key1, value1, key2, value2, ...} until closed; a null value removes the key meanwhile. */
    public static Correlation of(String... keysAndValues) {
        return new Correlation(keysAndValues);
    }

    /**
     * The caller's correlation ids, carried into whichever thread runs {@code work} (a pool's thread has none of its
     * own, or worse, a previous task's).
     */
    public static <T> Supplier<T> carried(Supplier<T> work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                return work.get();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
