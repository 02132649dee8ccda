package io.truecount.app.api;

import static io.truecount.app.api.InvoicesApiTest.json;
import static io.truecount.app.api.InvoicesApiTest.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.app.audit.AuditLog;
import io.truecount.app.config.ConfigReplaced;
import io.truecount.app.cycle.CycleService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Customers, contracts, mappings, dashboard, webhooks, audit, the OpenAPI document, and no secret in any answer. */
class ApiReadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static ApiFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ApiFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @BeforeEach
    void clean() {
        fx.reset();
    }

    @Test
    void customers_showMappingsButNoConnectorSettings() throws Exception {
        fx.as(null, get("/api/customers"))
                .andExpect(jsonPath("$[*].id", contains("acme", "beta")))
                .andExpect(jsonPath("$[0].name").value("Acme Dental"))
                .andExpect(jsonPath("$[0].currency").value("USD"))
                .andExpect(jsonPath("$[0].billingEmail").value("ap@acme.example"))
                .andExpect(jsonPath("$[0].sources.ninja[0]").value("12"))
                .andExpect(jsonPath("$[0].accounting.books").value("58"));
        fx.as(null, get("/api/customers/beta"))
                .andExpect(jsonPath("$.contracts", contains("beta-old")))
                .andExpect(jsonPath("$.billingEmail").value(nullValue()));
        problem(fx.as(null, get("/api/customers/nobody")), 404, "no customer nobody");
    }

    @Test
    void contracts_haveTheirStateToday() throws Exception {
        fx.as(null, get("/api/contracts"))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value("acme-managed"))
                .andExpect(jsonPath("$[0].state").value("billable"))
                .andExpect(jsonPath("$[0].cycle").value("monthly"))
                .andExpect(jsonPath("$[0].billing").value("arrears"))
                .andExpect(jsonPath("$[0].start").value("2026-01-01"))
                .andExpect(jsonPath("$[0].lines[0].id").value("workstations"))
                .andExpect(jsonPath("$[0].lines[0].type").value("per-asset"))
                .andExpect(jsonPath("$[1].state").value("ended"))
                .andExpect(jsonPath("$[1].lines[0].type").value("flat"));
        fx.as(null, get("/api/contracts").param("customer", "beta"))
                .andExpect(jsonPath("$[*].id", contains("beta-old")));
    }

    @Test
    void mappings_reportSourcesNeverSynced_andCustomersWithoutSource() throws Exception {
        fx.as(null, get("/api/mappings"))
                .andExpect(jsonPath("$.connectors[0].connector").value("ninja"))
                .andExpect(jsonPath("$.connectors[0].syncRun").value(nullValue()))
                .andExpect(jsonPath("$.customersWithoutSource", contains("beta")));
    }

    @Test
    void dashboard_totalsThisMonthAndTheFiveBefore_andWhatWaits() throws Exception {
        fx.drafts();
        fx.as(null, json(post("/api/invoices/ZY-202610-00002/hold"), "{\"reason\": \"check\"}"))
                .andExpect(status().isOk());
        deadLetter("evt-1");
        fx.as(null, get("/api/dashboard"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026-11"))
                .andExpect(jsonPath("$.connectors[0].id").value("ninja"))
                .andExpect(jsonPath("$.connectors[0].health").value("never-run"))
                .andExpect(jsonPath("$.totals", hasSize(1)))
                .andExpect(jsonPath("$.totals[0].period").value("2026-10"))
                .andExpect(jsonPath("$.totals[0].total").value("243.57"))
                .andExpect(jsonPath("$.totals[0].invoices").value(2))
                .andExpect(jsonPath("$.change[0].currency").value("USD"))
                .andExpect(jsonPath("$.change[0].amount").value("-243.57"))
                .andExpect(jsonPath("$.change[0].percent").value("-100.0"))
                .andExpect(jsonPath("$.drafts").value(1))
                .andExpect(jsonPath("$.held").value(1))
                .andExpect(jsonPath("$.deadLetters").value(1));
        fx.app.getBean(CycleService.class).run(ApiFixture.OCTOBER, null, dir.resolve("out"), "test");
        fx.as(null, get("/api/dashboard"))
                .andExpect(jsonPath("$.connectors[0].health").value("failing"))
                .andExpect(jsonPath("$.connectors[0].lastRun.status").value("FAILED"))
                .andExpect(jsonPath("$.openItems").isNumber());
    }

    @Test
    void webhooks_listWithoutBodies_andReplayADeadLetter() throws Exception {
        long dead = deadLetter("evt-dead");
        long received = event("evt-new", "RECEIVED");
        fx.as(null, get("/api/webhooks/events"))
                .andExpect(jsonPath("$[*].eventId", contains("evt-new", "evt-dead")))
                .andExpect(jsonPath("$[0].payload").doesNotExist());
        fx.as(null, get("/api/webhooks/events").param("state", "dead").param("connector", "books"))
                .andExpect(jsonPath("$[*].id", contains((int) dead)));
        fx.as(null, get("/api/webhooks/events").param("connector", "stripe")).andExpect(jsonPath("$", hasSize(0)));
        fx.as(null, get("/api/webhooks/dead"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].error").value("no handler"));
        problem(fx.as(null, get("/api/webhooks/events").param("state", "LOST")), 400, "state must be one of");

        fx.as("admin-1", json(post("/api/webhooks/events/" + dead + "/replay"), "{\"reason\": \"fixed mapping\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((int) dead))
                .andExpect(jsonPath("$.attempts").value(1));
        assertThat(fx.app.getBean(AuditLog.class).query(null, AuditLog.WEBHOOK_REPLAY, 10))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("admin-1");
                    assertThat(e.target()).isEqualTo(Long.toString(dead));
                    assertThat(e.reason()).isEqualTo("fixed mapping");
                    assertThat(e.details()).containsEntry("previousState", "DEAD");
                });
        problem(fx.as("admin-1", post("/api/webhooks/events/" + received + "/replay")), 409, "is RECEIVED");
        problem(fx.as("admin-1", post("/api/webhooks/events/99999/replay")), 404, "no webhook event 99999");
    }

    @Test
    void audit_newestFirst_filteredByActorAndAction_withConfigReloads() throws Exception {
        fx.app.publishEvent(new ConfigReplaced(fx.config, fx.config, "ops-token", List.of("connector ninja changed")));
        fx.drafts();
        fx.as("alice", post("/api/invoices/ZY-202610-00001/approve")).andExpect(status().isOk());
        fx.as(null, get("/api/audit"))
                .andExpect(jsonPath("$[*].action", contains(AuditLog.INVOICE_APPROVE, AuditLog.CONFIG_RELOAD)))
                .andExpect(jsonPath("$[1].actor").value("ops-token"))
                .andExpect(jsonPath("$[1].details.changes", contains("connector ninja changed")))
                .andExpect(jsonPath("$[0].at").isString());
        fx.as(null, get("/api/audit").param("actor", "alice")).andExpect(jsonPath("$", hasSize(1)));
        fx.as(null, get("/api/audit").param("action", AuditLog.CONFIG_RELOAD)).andExpect(jsonPath("$", hasSize(1)));
        fx.as(null, get("/api/audit").param("limit", "1")).andExpect(jsonPath("$", hasSize(1)));
        problem(fx.as(null, get("/api/audit").param("limit", "x")), 400, "");
    }

    @Test
    void openApi_documentsOnlyTheApi_withSummaries_andABearerScheme() throws Exception {
        String body = fx.as(null, get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode doc = JSON.readTree(body);
        assertThat(doc.at("/info/title").asText()).isEqualTo("Truecount API");
        assertThat(doc.at("/components/securitySchemes/bearer-token/scheme").asText())
                .isEqualTo("bearer");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/invoices/{number}/approve", "/api/reconciliation/{id}/dismiss", "/api/audit");
        assertThat(paths).allMatch(p -> p.startsWith("/api/"));
        List<String> withoutSummary = new ArrayList<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().path("summary").asText().isBlank()) {
                        withoutSummary.add(op.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(withoutSummary).isEmpty();
    }

    /** Every GET endpoint of /api, whoever wrote it, answered on a configured app with data: no secret value in it. */
    @Test
    void noGetAnswer_containsASecret() throws Exception {
        fx.drafts();
        deadLetter("evt-secret");
        fx.app.getBean(CycleService.class).run(ApiFixture.OCTOBER, null, dir.resolve("out"), "test");
        fx.app.publishEvent(new ConfigReplaced(fx.config, fx.config, "ops", List.of("connector books changed")));
        Set<String> paths = new TreeSet<>();
        fx
                .app
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .keySet()
                .stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .map(RequestMappingInfo::getPatternValues)
                .flatMap(Set::stream)
                .filter(p -> p.startsWith("/api/"))
                .forEach(paths::add);
        paths.add("/api/openapi.json");
        assertThat(paths).contains("/api/customers/{id}", "/api/invoices/{number}", "/api/dashboard");
        List<String> answered = new ArrayList<>();
        for (String pattern : paths) {
            String path = pattern.replaceAll("\\{number}", "ZY-202610-00001")
                    .replaceAll("\\{id}", pattern.startsWith("/api/customers") ? "acme" : "ninja")
                    .replaceAll("\\{[^}]+}", "ninja");
            String body = fx.as("viewer", get(path)).andReturn().getResponse().getContentAsString();
            for (String secret : ApiFixture.SECRETS.values()) {
                assertThat(body).as("GET %s", path).doesNotContain(secret);
            }
            answered.add(path + " " + body.length());
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(11);
    }

    private static long deadLetter(String eventId) {
        return event(eventId, "DEAD");
    }

    private static long event(String eventId, String state) {
        Timestamp now = Timestamp.from(Instant.parse("2026-11-10T11:00:00Z"));
        return fx.jdbc.queryForObject(
                "insert into webhook_event (connector_id, event_id, event_type, payload, state, attempts,"
                        + " next_attempt_at, received_at, last_error) values ('books', ?, 'Invoice', ?, ?, 5, ?, ?, ?)"
                        + " returning id",
                Long.class,
                eventId,
                "{}".getBytes(StandardCharsets.UTF_8),
                state,
                // A RECEIVED one waits for a retry far ahead, so the replay's drain leaves it RECEIVED.
                state.equals("RECEIVED") ? Timestamp.from(Instant.parse("2099-01-01T00:00:00Z")) : now,
                now,
                state.equals("DEAD") ? "no handler" : null);
    }
}
