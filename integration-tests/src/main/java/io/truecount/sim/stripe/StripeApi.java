package io.truecount.sim.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Stripe's answers: Bearer api-key, form bodies, idempotent POSTs, lists paged with {@code starting_after}. */
final class StripeApi extends VendorApi {

    static final String NAME = "truecount-stripe-api";
    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 10;

    private final StripeData data;
    private final Settings settings;
    private final Faults faults;
    private final IdempotencyKeys keys;
    private final List<ServedRequest> log;

    StripeApi(StripeData data, Settings settings, Faults faults, IdempotencyKeys keys, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.faults = faults;
        this.keys = keys;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json", body).withHeader("Request-Id", "req_sim");
    }

    static Reply error(StripeError error) {
        return json(error.status, error.json());
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        String method = request.getMethod().getName();
        String[] id = new String[1];
        Endpoint endpoint = Endpoint.of(method, path, id);
        String key = request.getHeader("Idempotency-Key");
        Reply reply = decide(request, method, endpoint, id[0], key);
        boolean replayed = "true".equals(reply.headers().get("Idempotent-Replayed"));
        log.add(new ServedRequest(endpoint, arrived, reply.status(), key, replayed, query));
        return reply;
    }

    private Reply decide(Request request, String method, Endpoint endpoint, String id, String key) {
        if (!("Bearer " + settings.apiKey()).equals(request.getHeader("Authorization"))) {
            return error(new StripeError(
                    401, "invalid_request_error", null, null, "Invalid API Key provided: " + masked(request)));
        }
        if (endpoint == null) {
            return error(new StripeError(
                    404,
                    "invalid_request_error",
                    null,
                    null,
                    "Unrecognized request URL (" + method + ": " + request.getUrl() + ")."));
        }
        Reply failure = faults.nextDataRequest();
        boolean write = method.equals("POST");
        if (failure != null
                && failure.status() >= 500
                && !settings.failAfterApply().isEmpty()) {
            // Only the chosen steps fail, and only after they were applied.
            failure = settings.failAfterApply().contains(endpoint) ? failure : null;
        } else if (failure != null) {
            return failure;
        }
        Reply reply = write
                ? keys.answer(
                        key,
                        fingerprint(endpoint, id, request),
                        () -> apply(endpoint, id, form(request.getBodyAsString())),
                        StripeApi::conflict,
                        kept -> kept.withHeader("Idempotent-Replayed", "true"))
                : apply(endpoint, id, query(request));
        // failAfterApply: Stripe applied the write and kept its answer, but the gateway lost it on the way back.
        return failure != null ? failure : reply;
    }

    private Reply apply(Endpoint endpoint, String id, Map<String, String> params) {
        try {
            ObjectNode body =
                    switch (endpoint) {
                        case BALANCE -> balance();
                        case LIST_INVOICES -> invoices(params);
                        case RETRIEVE_INVOICE -> StripeJson.invoice(data.invoice(id));
                        case INVOICE_LINES -> lines(id, params);
                        case CREATE_INVOICE -> StripeJson.invoice(data.create(params));
                        case CREATE_INVOICE_ITEM -> {
                            StripeLine line = data.addItem(params);
                            StripeInvoice invoice = data.invoice(params.get("invoice"));
                            yield StripeJson.invoiceItem(line, invoice.id(), invoice.customer(), invoice.currency());
                        }
                        case FINALIZE_INVOICE -> StripeJson.invoice(data.finalizeInvoice(id));
                    };
            return json(200, StripeJson.write(body));
        } catch (StripeError refused) {
            return error(refused);
        }
    }

    private ObjectNode invoices(Map<String, String> params) {
        Page<StripeInvoice> page = page(data.list(params.get("customer")), StripeInvoice::id, params);
        return StripeJson.list(
                "/v1/invoices", page.items().stream().map(StripeJson::invoice).toList(), page.hasMore());
    }

    private ObjectNode lines(String id, Map<String, String> params) {
        Page<StripeLine> page = page(data.invoice(id).lines(), StripeLine::id, params);
        return StripeJson.list(
                "/v1/invoices/" + id + "/lines",
                page.items().stream().map(StripeJson::line).toList(),
                page.hasMore());
    }

    private record Page<T>(List<T> items, boolean hasMore) {}

    private static <T> Page<T> page(List<T> all, Function<T, String> idOf, Map<String, String> params) {
        int limit = limit(params.get("limit"));
        String after = params.get("starting_after");
        int from = 0;
        if (after != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (idOf.apply(all.get(i)).equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw StripeError.missing("object", after);
            }
        }
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size());
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw StripeError.invalid("parameter_invalid_integer", "limit", "limit must be between 1 and 100");
    }

    private static ObjectNode balance() {
        ObjectNode node = StripeJson.MAPPER.createObjectNode();
        node.put("object", "balance");
        node.put("livemode", false);
        node.putArray("available").addObject().put("amount", 0).put("currency", "usd");
        node.putArray("pending").addObject().put("amount", 0).put("currency", "usd");
        return node;
    }

    /** Stripe compares the parameters of a repeated key, not their order: sort them. */
    private static String fingerprint(Endpoint endpoint, String id, Request request) {
        return endpoint + " " + id + " " + new TreeMap<>(form(request.getBodyAsString()));
    }

    private static Reply conflict(String key) {
        return error(new StripeError(
                400,
                "idempotency_error",
                null,
                null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                        + "Try using a key other than '" + key + "' if you meant to execute a different request."));
    }

    private static Map<String, String> query(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? Map.of() : form(url.substring(q + 1));
    }

    private static String masked(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() < 12) {
            return "(none)";
        }
        return header.substring(7, 14) + "****";
    }
}
