package io.truecount.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Truecount server in the console's page tests: serves the console's static files from the class
 * path exactly as packaged, and answers the API contract's endpoints from a small in-memory state. Writes without the
 * CSRF cookie's value in X-XSRF-TOKEN are refused with 403, as the real server does. Test code only.
 */
final class ConsoleStub implements AutoCloseable {

    static final String XSRF = "stub-xsrf-4711";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One write the console sent: method, path, the X-XSRF-TOKEN header and the JSON body. */
    record Write(String path, String xsrf, JsonNode body) {}

    private final HttpServer server;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> invoices = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, Object>> items = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String role = "approver";

    private ConsoleStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        for (String[] inv : new String[][] {
            {"ZY-2026-0001", "acme", "Acme Dental", "635.40"},
            {"ZY-2026-0002", "beta", "Beta Law LLP", "246.78"},
            {"ZY-2026-0003", "gamma", "Gamma Clinic", "99.00"},
            {"ZY-2026-0004", "delta", "Delta Corp", "10.00"}
        }) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", inv[0]);
            m.put("customer", inv[1]);
            m.put("customerName", inv[2]);
            m.put("period", "2026-10");
            m.put("status", "DRAFT");
            m.put("currency", "USD");
            m.put("subtotal", inv[3]);
            m.put("tax", "0.00");
            m.put("total", inv[3]);
            m.put("issueDate", "2026-11-01");
            m.put("dueDate", "2026-12-01");
            invoices.put(inv[0], m);
        }
        item("r-1", "acme", "OVER_BILLED", "acme: workstations contracted 4, observed 3");
        item("r-2", "acme", "STALE_ASSET", "acme: device 105 has not reported for 60 days");
        item("r-3", null, "UNMAPPED_ORGANIZATION", "ninja organization 99 (Bob's Bakery) is not mapped");
    }

    static ConsoleStub start() throws IOException {
        ConsoleStub stub = new ConsoleStub();
        stub.server.start();
        return stub;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void role(String role) {
        this.role = role;
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    String status(String number) {
        return (String) invoices.get(number).get("status");
    }

    private void item(String id, String customer, String kind, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("period", "2026-10");
        m.put("customer", customer);
        m.put("kind", kind);
        m.put("message", message);
        m.put("fields", Map.of("connector", "ninja"));
        m.put("state", "open");
        m.put("reason", null);
        m.put("actor", null);
        m.put("decidedAt", null);
        items.put(id, m);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (!path.startsWith("/api/")) {
                serveStatic(x, path);
                return;
            }
            if (!"GET".equals(x.getRequestMethod())) {
                String xsrf = x.getRequestHeaders().getFirst("X-XSRF-TOKEN");
                byte[] raw = x.getRequestBody().readAllBytes();
                JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
                writes.add(new Write(path, xsrf, body));
                if (!XSRF.equals(xsrf)) {
                    problem(x, 403, "Forbidden", "Invalid CSRF token.");
                    return;
                }
                write(x, path, body);
                return;
            }
            read(x, path);
        } catch (RuntimeException e) {
            problem(x, 500, "Internal Server Error", e.toString());
        }
    }

    private void read(HttpExchange x, String path) throws IOException {
        switch (path) {
            case "/api/me" -> json(x, 200, Map.of("name", "alice", "role", role));
            case "/api/dashboard" -> json(x, 200, dashboard());
            case "/api/connectors" -> json(x, 200, List.of(Map.of("id", "ninja", "type", "ninjaone", "role", "rmm")));
            case "/api/reconciliation" -> {
                String state = queryParam(x, "state");
                json(
                        x,
                        200,
                        items.values().stream()
                                .filter(i -> state == null || state.equals(i.get("state")))
                                .toList());
            }
            case "/api/invoices" -> json(x, 200, new ArrayList<>(invoices.values()));
            case "/api/webhooks/events" -> json(x, 200, List.of(event("1", "PROCESSED"), event("2", "DEAD")));
            case "/api/webhooks/dead" -> json(x, 200, List.of(event("2", "DEAD")));
            case "/api/audit" ->
                json(
                        x,
                        200,
                        List.of(Map.of(
                                "id",
                                1,
                                "at",
                                "2026-11-02T10:00:00Z",
                                "actor",
                                "alice",
                                "action",
                                "invoice.approve",
                                "target",
                                "ZY-2026-0001",
                                "reason",
                                "looks right",
                                "details",
                                Map.of("from", "DRAFT"))));
            default -> {
                if (path.startsWith("/api/invoices/") && invoices.containsKey(last(path))) {
                    json(x, 200, detail(last(path)));
                } else {
                    problem(x, 404, "Not Found", "No such resource: " + path);
                }
            }
        }
    }

    private void write(HttpExchange x, String path, JsonNode body) throws IOException {
        String[] parts = path.split("/");
        String reason = body.path("reason").asText("");
        if (path.equals("/api/invoices/approve") || path.equals("/api/invoices/hold")) {
            String target = path.endsWith("approve") ? "APPROVED" : "HELD";
            List<Map<String, Object>> results = new ArrayList<>();
            for (JsonNode n : body.path("numbers")) {
                invoices.get(n.asText()).put("status", target);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("number", n.asText());
                r.put("status", target);
                r.put("error", null);
                results.add(r);
            }
            json(x, 200, Map.of("results", results));
        } else if (path.startsWith("/api/invoices/") && parts.length == 5) {
            Map<String, Object> inv = invoices.get(parts[3]);
            if ("ZY-2026-0004".equals(parts[3])) {
                // The console shows a refused action's problem detail.
                problem(x, 409, "Conflict", "invoice ZY-2026-0004 is VOID and cannot be approved");
                return;
            }
            inv.put("status", "approve".equals(parts[4]) ? "APPROVED" : "HELD");
            json(x, 200, detail(parts[3]));
        } else if (path.startsWith("/api/reconciliation/") && parts.length == 5) {
            Map<String, Object> item = items.get(parts[3]);
            if ("dismiss".equals(parts[4]) && reason.isBlank()) {
                problem(x, 400, "Bad Request", "a reason is required");
                return;
            }
            item.put("state", "dismiss".equals(parts[4]) ? "dismissed" : "acknowledged");
            item.put("reason", reason.isBlank() ? null : reason);
            item.put("actor", "alice");
            item.put("decidedAt", "2026-11-02T10:00:00Z");
            json(x, 200, item);
        } else {
            problem(x, 404, "Not Found", "No such resource: " + path);
        }
    }

    private Map<String, Object> dashboard() {
        List<Map<String, Object>> totals = new ArrayList<>();
        String[] months = {"2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"};
        String[] amounts = {"500.00", "520.00", "515.50", "560.00", "600.00", "882.18"};
        for (int i = 0; i < months.length; i++) {
            if (i == 2) {
                continue; // nothing billed in July: the API sends no row, the chart still shows the month
            }
            totals.add(Map.of("period", months[i], "currency", "USD", "total", amounts[i], "invoices", 2));
        }
        Map<String, Object> connector = new LinkedHashMap<>();
        connector.put("id", "ninja");
        connector.put("health", "ok");
        connector.put(
                "lastRun",
                Map.of(
                        "id",
                        7,
                        "connector",
                        "ninja",
                        "status",
                        "SUCCEEDED",
                        "startedAt",
                        "2026-11-01T02:00:00Z",
                        "finishedAt",
                        "2026-11-01T02:00:05Z",
                        "records",
                        12,
                        "pages",
                        6,
                        "requests",
                        7));
        connector.put("nextRun", "2026-11-02T02:00:00Z");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("period", "2026-10");
        d.put("connectors", List.of(connector));
        d.put("totals", totals);
        d.put("change", List.of(Map.of("currency", "USD", "amount", "282.18", "percent", "47.03")));
        d.put("openItems", items.size());
        d.put("drafts", 4);
        d.put("held", 0);
        d.put("deadLetters", 1);
        return d;
    }

    private Map<String, Object> detail(String number) {
        Map<String, Object> d = new LinkedHashMap<>(invoices.get(number));
        d.put(
                "lines",
                List.of(Map.of(
                        "contract",
                        "acme-managed",
                        "line",
                        "workstations",
                        "description",
                        "Managed workstations",
                        "quantity",
                        "4",
                        "unitPrice",
                        "45.00",
                        "amount",
                        "180.00",
                        "taxable",
                        true,
                        "sources",
                        List.of(
                                Map.of("type", "asset", "connector", "ninja", "externalId", "101", "label", "ACME-A1"),
                                Map.of(
                                        "type",
                                        "asset",
                                        "connector",
                                        "ninja",
                                        "externalId",
                                        "102",
                                        "label",
                                        "ACME-A2")))));
        d.put(
                "transitions",
                List.of(Map.of("to", "DRAFT", "at", "2026-11-01T04:00:00Z", "actor", "system", "reason", "cycle")));
        d.put("pushes", List.of());
        d.put("payments", List.of());
        d.put("holdReason", null);
        return d;
    }

    private static Map<String, Object> event(String id, String state) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("connector", "pay");
        e.put("eventId", "evt_" + id);
        e.put("type", "invoice.paid");
        e.put("state", state);
        e.put("attempts", 1);
        e.put("receivedAt", "2026-11-02T09:00:00Z");
        e.put("processedAt", null);
        e.put("error", "DEAD".equals(state) ? "unknown invoice" : null);
        return e;
    }

    private void serveStatic(HttpExchange x, String path) throws IOException {
        String file = path.equals("/") ? "index.html" : path.substring(1);
        try (InputStream in = ConsoleStub.class.getClassLoader().getResourceAsStream("static/" + file)) {
            if (in == null || file.contains("..")) {
                problem(x, 404, "Not Found", path);
                return;
            }
            byte[] bytes = in.readAllBytes();
            x.getResponseHeaders().set("Content-Type", contentType(file));
            x.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=" + XSRF + "; Path=/; SameSite=Lax");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) return "text/html; charset=utf-8";
        if (file.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (file.endsWith(".css")) return "text/css; charset=utf-8";
        return "application/octet-stream";
    }

    private static String queryParam(HttpExchange x, String name) {
        String q = x.getRequestURI().getQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) return kv[1];
        }
        return null;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void json(HttpExchange x, int status, Object value) throws IOException {
        send(x, status, "application/json", JSON.writeValueAsBytes(value));
    }

    private static void problem(HttpExchange x, int status, String title, String detail) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        send(x, status, "application/problem+json", JSON.writeValueAsBytes(p));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
