package io.truecount.app.api;

import static io.truecount.app.api.InvoicesApiTest.json;
import static io.truecount.app.api.InvoicesApiTest.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.app.audit.AuditLog;
import io.truecount.app.cycle.CycleService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation review against items real billing runs stored: the fixture's RMM is unreachable, so every cycle
 * reports acme's source as failed; decisions must survive the next run of the same period.
 */
class ReconciliationApiTest {

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
    void dismissedItem_staysDismissed_whenTheCycleRunsAgain() throws Exception {
        runCycle();
        JsonNode item = sourceFailed(items("?period=2026-10"));
        assertThat(item.get("state").asText()).isEqualTo("open");
        assertThat(item.get("customer").asText()).isEqualTo("acme");
        assertThat(item.get("message").asText()).startsWith("source ninja failed");
        String id = item.get("id").asText();

        fx.as("alice", json(post("/api/reconciliation/" + id + "/dismiss"), "{\"reason\": \"RMM migration\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.state").value("dismissed"))
                .andExpect(jsonPath("$.reason").value("RMM migration"))
                .andExpect(jsonPath("$.actor").value("alice"))
                .andExpect(jsonPath("$.decidedAt").isString());

        runCycle();
        assertThat(fx.jdbc.queryForObject("select count(*) from billing_run where period = '2026-10'", Long.class))
                .isEqualTo(2);
        JsonNode again = sourceFailed(items("?period=2026-10"));
        assertThat(again.get("id").asText()).isEqualTo(id);
        assertThat(again.get("state").asText()).isEqualTo("dismissed");
        assertThat(again.get("reason").asText()).isEqualTo("RMM migration");
        assertThat(ids(items("?state=open"))).doesNotContain(id);
        assertThat(ids(items("?state=dismissed&customer=acme"))).containsExactly(id);

        assertThat(fx.app.getBean(AuditLog.class).query("alice", AuditLog.RECONCILIATION_DISMISS, 10))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.target()).isEqualTo(id);
                    assertThat(e.reason()).isEqualTo("RMM migration");
                    assertThat(e.details())
                            .containsEntry("kind", "SOURCE_FAILED")
                            .containsEntry("previousState", "open");
                });
    }

    @Test
    void dismissWithoutReason_is400_andAcknowledgeNeedsNone() throws Exception {
        runCycle();
        String id = sourceFailed(items("")).get("id").asText();
        problem(fx.as("bob", post("/api/reconciliation/" + id + "/dismiss")), 400, "a reason is required to dismiss");
        problem(
                fx.as("bob", json(post("/api/reconciliation/" + id + "/dismiss"), "{\"reason\": \"\"}")),
                400,
                "reason");
        assertThat(sourceFailed(items("")).get("state").asText()).isEqualTo("open");

        fx.as("bob", post("/api/reconciliation/" + id + "/acknowledge"))
                .andExpect(jsonPath("$.state").value("acknowledged"))
                .andExpect(jsonPath("$.actor").value("bob"));
        assertThat(fx.app.getBean(AuditLog.class).query(null, AuditLog.RECONCILIATION_ACKNOWLEDGE, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("bob"));
    }

    @Test
    void unknownItemsAndBadFilters_areProblems() throws Exception {
        problem(
                fx.as("bob", post("/api/reconciliation/2026-10-0000000000000000/acknowledge")),
                404,
                "no reconciliation item");
        problem(fx.as("bob", post("/api/reconciliation/nonsense/acknowledge")), 404, "no reconciliation item");
        problem(fx.as(null, get("/api/reconciliation").param("state", "closed")), 400, "state must be one of");
        problem(fx.as(null, get("/api/reconciliation").param("period", "2026")), 400, "period must be YYYY-MM");
    }

    @Test
    void aChangedCount_isTheSameItem_butAnotherLineIsNot() throws Exception {
        storeRun("{\"customer\": \"acme\", \"contract\": \"acme-managed\", \"line\": \"workstations\","
                + " \"expected\": \"20\", \"observed\": \"23\"}");
        fx.as(null, get("/api/reconciliation"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("UNDER_BILLED"))
                .andExpect(jsonPath("$[0].id").value(startsWith("2026-10-")))
                .andExpect(jsonPath("$[0].message")
                        .value("contract acme-managed line workstations bills 20 but 23" + " were observed"));
        String id = items("").get(0).get("id").asText();
        fx.as("carol", json(post("/api/reconciliation/" + id + "/dismiss"), "{\"reason\": \"new PCs in January\"}"))
                .andExpect(status().isOk());

        storeRun(
                "{\"customer\": \"acme\", \"contract\": \"acme-managed\", \"line\": \"workstations\","
                        + " \"expected\": \"20\", \"observed\": \"24\"}",
                "{\"customer\": \"acme\", \"contract\": \"acme-managed\", \"line\": \"servers\","
                        + " \"expected\": \"2\", \"observed\": \"3\"}");
        JsonNode items = items("");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("id").asText()).isEqualTo(id);
        assertThat(items.get(0).get("state").asText()).isEqualTo("dismissed");
        assertThat(items.get(1).get("id").asText()).isNotEqualTo(id);
        assertThat(items.get(1).get("state").asText()).isEqualTo("open");
    }

    private static void runCycle() {
        fx.app.getBean(CycleService.class).run(ApiFixture.OCTOBER, null, dir.resolve("out"), "test");
    }

    /** A billing run of October with these UNDER_BILLED items, as the cycle stores them. */
    private static void storeRun(String... fields) {
        Long run = fx.jdbc.queryForObject(
                "insert into billing_run (period, as_of, started_at, sync_runs, failed_customers)"
                        + " values ('2026-10', now(), now(), '{}', '{}') returning id",
                Long.class);
        for (int i = 0; i < fields.length; i++) {
            fx.jdbc.update(
                    "insert into reconciliation_item (billing_run_id, position, kind, customer_id, fields)"
                            + " values (?, ?, 'UNDER_BILLED', 'acme', cast(? as jsonb))",
                    run,
                    i + 1,
                    fields[i]);
        }
    }

    private static JsonNode items(String query) throws Exception {
        String body = fx.as(null, get("/api/reconciliation" + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    private static JsonNode sourceFailed(JsonNode items) {
        List<JsonNode> found = new java.util.ArrayList<>();
        items.forEach(i -> {
            if (i.get("kind").asText().equals("SOURCE_FAILED")
                    && "acme".equals(i.path("customer").asText())) {
                found.add(i);
            }
        });
        assertThat(found).as("acme's SOURCE_FAILED item in %s", items).hasSize(1);
        return found.get(0);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new java.util.ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
