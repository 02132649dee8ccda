package io.truecount.sim.vendor;

import java.util.function.Function;

/** Looks up a simulator's endpoint enum by request path. */
public final class Endpoints {

    private Endpoints() {}

    /** The endpoint whose path is exactly {@code path}; a request to anything else is a bug in the routes. */
    public static <E extends Enum<E>> E byPath(E[] endpoints, Function<E, String> pathOf, String path, String vendor) {
        for (E endpoint : endpoints) {
            if (pathOf.apply(endpoint).equals(path)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("not a simulated " + vendor + " endpoint: " + path);
    }
}
