package io.truecount.sim.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GoCardless's answers: bearer token and {@code GoCardless-Version} required, payments created once per
 * {@code Idempotency-Key}, lists newest first with {@code after} cursors.
 *
 * <p>A server error on {@code POST /payments} ({@link Mode#FAIL_5XX}, {@link Mode#FLAKY_5XX}) comes after the payment
 * was created: the client never hears of it, which is the case a push must survive.
 */
final class GoCardlessApi extends VendorApi {

    static final String NAME = "truecount-gocardless-api";
    static final String VERSION = "2015-07-06";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final GoCardlessData data;
    private final Settings settings;
    private final Faults faults;
    private final List<ServedRequest> log;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final Map<String, String> paymentByKey = new ConcurrentHashMap<>();

    GoCardlessApi(GoCardlessData data, Settings settings, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.faults = faults;
        this.log = log;
    }

    IdempotencyKeys keys() {
        return keys;
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        String method = request.getMethod().getName();
        String key = request.getHeader("Idempotency-Key");
        Reply reply = respond(endpoint, method, request, path, arrived);
        log.add(new ServedRequest(endpoint, method, arrived, reply.status(), query, key));
        return reply;
    }

    private Reply respond(Endpoint endpoint, String method, Request request, String path, Instant arrived) {
        if (!("Bearer " + settings.accessToken()).equals(request.getHeader("Authorization"))) {
            return GoCardlessJson.error(401, "invalid_api_usage", "Unauthorized", "unauthorized", null, null);
        }
        if (!VERSION.equals(request.getHeader("GoCardless-Version"))) {
            return GoCardlessJson.error(
                    400,
                    "invalid_api_usage",
                    "GoCardless-Version header missing or unknown",
                    "missing_version_header",
                    null,
                    null);
        }
        boolean create = endpoint == Endpoint.PAYMENTS && method.equals("POST");
        Reply failure = faults.nextDataRequest();
        if (failure != null && (!create || failure.status() == 429)) {
            return failure;
        }
        Reply reply =
                switch (endpoint) {
                    case CREDITORS -> method.equals("GET") ? creditors() : notFound();
                    case PAYMENTS -> create ? create(request, arrived) : list(request);
                    case PAYMENT -> method.equals("GET") ? payment(path.substring("/payments/".length())) : notFound();
                };
        return failure != null ? failure : reply;
    }

    private Reply creditors() {
        ObjectNode creditor = GoCardlessJson.JSON.createObjectNode();
        creditor.put("id", GoCardlessData.CREDITOR);
        creditor.put("name", "Truecount simulated creditor");
        return GoCardlessJson.reply(200, GoCardlessJson.list("creditors", List.of(creditor), null, null, 1));
    }

    private Reply create(Request request, Instant arrived) {
        String key = request.getHeader("Idempotency-Key");
        String body = request.getBodyAsString();
        return keys.answer(
                key,
                "POST /payments " + body,
                () -> createPayment(body, key, arrived),
                this::conflict,
                // GoCardless answers a used key with the conflict even for the same body; a refused first request is
                // refused again.
                kept -> kept.status() == 201 ? conflict(key) : kept);
    }

    private Reply conflict(String key) {
        return GoCardlessJson.conflict(paymentByKey.get(key));
    }

    private Reply createPayment(String body, String key, Instant arrived) {
        JsonNode payment;
        try {
            payment = GoCardlessJson.JSON.readTree(body).path("payments");
        } catch (IOException e) {
            payment = null;
        }
        if (payment == null || !payment.isObject()) {
            return GoCardlessJson.error(
                    400, "invalid_api_usage", "Invalid document structure", "invalid_document_structure", null, null);
        }
        JsonNode amount = payment.path("amount");
        if (!amount.canConvertToLong() || !amount.isIntegralNumber() || amount.asLong() < 1) {
            return GoCardlessJson.validation("amount", "must be a whole number of at least 1");
        }
        String mandateId = payment.path("links").path("mandate").asText("");
        GoCardlessData.Mandate mandate = data.mandate(mandateId).orElse(null);
        if (mandate == null) {
            return GoCardlessJson.validation("links.mandate", "was not found: '" + mandateId + "'");
        }
        String currency = payment.path("currency").asText("");
        if (!currency.equals(mandate.currency())) {
            return GoCardlessJson.validation(
                    "currency", "must be " + mandate.currency() + " for a " + mandate.scheme() + " mandate");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        String problem = metadata(payment.path("metadata"), metadata);
        if (problem != null) {
            return GoCardlessJson.validation("metadata", problem);
        }
        SimPayment created = data.create(
                mandateId,
                amount.asLong(),
                currency,
                payment.path("description").asText(null),
                metadata,
                arrived);
        if (key != null && !key.isBlank()) {
            paymentByKey.put(key, created.id());
        }
        return GoCardlessJson.reply(
                201, GoCardlessJson.envelope("payments", GoCardlessJson.payment(created, GoCardlessData.CREDITOR)));
    }

    /** GoCardless metadata: up to 3 keys of up to 50 characters, string values of up to 500. */
    private static String metadata(JsonNode node, Map<String, String> into) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() > 3) {
            return "must be an object with at most 3 keys";
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().length() > 50
                    || !field.getValue().isTextual()
                    || field.getValue().asText().length() > 500) {
                return "keys must be at most 50 characters and values strings of at most 500";
            }
            into.put(field.getKey(), field.getValue().asText());
        }
        return null;
    }

    private Reply list(Request request) {
        int limit;
        try {
            String asked = parameter(request, "limit");
            limit = asked == null ? DEFAULT_LIMIT : Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return GoCardlessJson.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<SimPayment> all = data.newestFirst(parameter(request, "mandate"));
        String after = parameter(request, "after");
        int from = 0;
        if (after != null) {
            from = indexOf(all, after) + 1;
            if (from == 0) {
                return GoCardlessJson.error(
                        400, "invalid_api_usage", "Cursor not found: " + after, "cursor_not_found", null, null);
            }
        }
        int to = Math.min(all.size(), from + limit);
        List<SimPayment> page = all.subList(from, to);
        String next = to < all.size() ? page.get(page.size() - 1).id() : null;
        String before = from > 0 && !page.isEmpty() ? page.get(0).id() : null;
        List<ObjectNode> json = page.stream()
                .map(p -> GoCardlessJson.payment(p, GoCardlessData.CREDITOR))
                .toList();
        Reply reply = GoCardlessJson.reply(200, GoCardlessJson.list("payments", json, before, next, limit));
        return faults.mode() == Mode.MALFORMED_PAGE && after != null ? reply.cutOff() : reply;
    }

    private static int indexOf(List<SimPayment> payments, String id) {
        for (int i = 0; i < payments.size(); i++) {
            if (payments.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Reply payment(String id) {
        return data.payment(id)
                .map(p -> GoCardlessJson.reply(
                        200, GoCardlessJson.envelope("payments", GoCardlessJson.payment(p, GoCardlessData.CREDITOR))))
                .orElseGet(GoCardlessApi::notFound);
    }

    private static Reply notFound() {
        return GoCardlessJson.error(404, "invalid_api_usage", "Resource not found", "resource_not_found", null, null);
    }
}
