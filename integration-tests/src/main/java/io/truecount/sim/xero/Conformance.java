package io.truecount.sim.xero;

import java.util.List;
import java.util.Map;

/**
 * Checks a request against the vendor's published contract before the simulator serves it. Tests plug in a validator
 * of Xero's OpenAPI spec; the demo runs without one.
 */
@FunctionalInterface
public interface Conformance {

    /**
     * @param path the request path, e.g. {@code /api.xro/2.0/Invoices}
     * @param query the query parameters, first value of each
     * @param headers the request headers, first value of each
     * @param body the request body, empty when none
     * @return why the request does not conform; empty when it does
     */
    List<String> problems(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body);

    /** Accepts every request. */
    Conformance NONE = (method, path, query, headers, body) -> List.of();
}
