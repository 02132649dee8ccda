package io.truecount.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.truecount.app.audit.AuditLog;
import io.truecount.app.push.PushService;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The invoice endpoints on a real PostgreSQL: listing, traceability, decisions, bulk decisions, push, audit rows. */
class InvoicesApiTest {

    private static final String ACME = "ZY-202610-00001";
    private static final String BETA = "ZY-202610-00002";

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
    void drafts() {
        fx.reset();
        assertThat(fx.drafts()).extracting(i -> i.number()).containsExactly(ACME, BETA);
    }

    @Test
    void list_showsHeadersWithMoneyAsStringsAtTheMinorUnit() throws Exception {
        fx.as("viewer-1", get("/api/invoices").param("period", "2026-10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].number").value(ACME))
                .andExpect(jsonPath("$[0].customer").value("acme"))
                .andExpect(jsonPath("$[0].customerName").value("Acme Dental"))
                .andExpect(jsonPath("$[0].status").value("DRAFT"))
                .andExpect(jsonPath("$[0].subtotal").value("135.00"))
                .andExpect(jsonPath("$[0].tax").value("11.14"))
                .andExpect(jsonPath("$[0].total").value("146.14"))
                .andExpect(jsonPath("$[0].issueDate").isString());
        fx.as(null, get("/api/invoices").param("customer", "beta"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].number").value(BETA));
        fx.as(null, get("/api/invoices").param("status", "approved")).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void list_badFilters_are400Problems() throws Exception {
        problem(fx.as(null, get("/api/invoices").param("period", "October")), 400, "period must be YYYY-MM");
        problem(fx.as(null, get("/api/invoices").param("status", "LOST")), 400, "unknown invoice status 'LOST'");
        problem(fx.as(null, get("/api/invoices").param("limit", "0")), 400, "limit must be at least 1");
    }

    @Test
    void detail_tracesEachLineToItsSources_andShowsItsHistory() throws Exception {
        fx.as(null, get("/api/invoices/" + ACME))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].contract").value("acme-managed"))
                .andExpect(jsonPath("$.lines[0].quantity").value("3"))
                .andExpect(jsonPath("$.lines[0].unitPrice").value("45.00"))
                .andExpect(jsonPath("$.lines[0].amount").value("135.00"))
                .andExpect(jsonPath("$.lines[0].sources", hasSize(3)))
                .andExpect(jsonPath("$.lines[0].sources[1].connector").value("ninja"))
                .andExpect(jsonPath("$.lines[0].sources[1].externalId").value("dev-2"))
                .andExpect(jsonPath("$.lines[0].sources[1].label").value("ACME-PC-2"))
                .andExpect(jsonPath("$.transitions[0].to").value("DRAFT"))
                .andExpect(jsonPath("$.pushes", hasSize(0)))
                .andExpect(jsonPath("$.holdReason").value(nullValue()));
    }

    @Test
    void unknownInvoice_is404Problem() throws Exception {
        problem(fx.as(null, get("/api/invoices/ZY-1")), 404, "no invoice ZY-1");
        problem(fx.as("alice", post("/api/invoices/ZY-1/approve")), 404, "no invoice ZY-1");
    }

    @Test
    void approve_recordsActorAndReason_inHistoryAndAuditLog_andQueuesItsPush() throws Exception {
        fx.as("alice", json(post("/api/invoices/" + ACME + "/approve"), "{\"reason\": \"counts checked\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.transitions[1].actor").value("alice"))
                .andExpect(jsonPath("$.transitions[1].reason").value("counts checked"))
                .andExpect(jsonPath("$.pushes[0].connector").value("books"));
        List<AuditLog.Entry> audit = audit(AuditLog.INVOICE_APPROVE);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.target()).isEqualTo(ACME);
            assertThat(e.reason()).isEqualTo("counts checked");
            assertThat(e.details()).containsEntry("from", "DRAFT").containsEntry("to", "APPROVED");
        });
    }

    @Test
    void approve_withoutBodyOrToken_isRecordedAsSystemWithTheDefaultReason() throws Exception {
        fx.as(null, post("/api/invoices/" + BETA + "/approve"))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(audit(AuditLog.INVOICE_APPROVE)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.reason()).isEqualTo(InvoicesApi.APPROVED);
        });
    }

    @Test
    void approveAVoidInvoice_is409_andChangesNothing() throws Exception {
        fx.as("alice", json(post("/api/invoices/" + ACME + "/void"), "{\"reason\": \"duplicate\"}"))
                .andExpect(jsonPath("$.status").value("VOID"));
        problem(fx.as("alice", post("/api/invoices/" + ACME + "/approve")), 409, "is VOID and cannot become APPROVED");
        assertThat(fx.store.findByNumber(ACME).orElseThrow().status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(audit(AuditLog.INVOICE_APPROVE)).isEmpty();
        assertThat(audit(AuditLog.INVOICE_VOID)).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo("duplicate"));
    }

    @Test
    void holdAndVoid_requireAReason() throws Exception {
        problem(fx.as("alice", post("/api/invoices/" + ACME + "/hold")), 400, "a reason is required to hold");
        problem(fx.as("alice", json(post("/api/invoices/" + ACME + "/hold"), "{\"reason\": \"  \"}")), 400, "reason");
        problem(
                fx.as("alice", json(post("/api/invoices/" + ACME + "/void"), "{}")),
                400,
                "a reason is required to void");
        assertThat(fx.store.findByNumber(ACME).orElseThrow().status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(audit(null)).isEmpty();
    }

    @Test
    void holdThenRelease_showsTheHoldReason_andAuditsBoth() throws Exception {
        fx.as("bob", json(post("/api/invoices/" + ACME + "/hold"), "{\"reason\": \"customer disputes counts\"}"))
                .andExpect(jsonPath("$.status").value("HELD"))
                .andExpect(jsonPath("$.holdReason").value("customer disputes counts"));
        fx.as("bob", post("/api/invoices/" + ACME + "/release"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.holdReason").value(nullValue()));
        assertThat(audit(null))
                .extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditLog.INVOICE_RELEASE, "bob"),
                        org.assertj.core.groups.Tuple.tuple(AuditLog.INVOICE_HOLD, "bob"));
    }

    @Test
    void bulkApprove_decidesEachInvoiceOnItsOwn() throws Exception {
        fx.as(
                        "carol",
                        json(
                                post("/api/invoices/approve"),
                                "{\"numbers\": [\"" + ACME + "\", \"ZY-404\", \"" + BETA
                                        + "\"], \"reason\": \"month end\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(3)))
                .andExpect(jsonPath("$.results[0].number").value(ACME))
                .andExpect(jsonPath("$.results[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.results[0].error").value(nullValue()))
                .andExpect(jsonPath("$.results[1].number").value("ZY-404"))
                .andExpect(jsonPath("$.results[1].status").value(nullValue()))
                .andExpect(jsonPath("$.results[1].error").value("no invoice ZY-404"))
                .andExpect(jsonPath("$.results[2].status").value("APPROVED"));
        assertThat(audit(AuditLog.INVOICE_APPROVE))
                .extracting(AuditLog.Entry::target)
                .containsExactlyInAnyOrder(ACME, BETA);
        // Approving again refuses both, each with its reason, and leaves them approved.
        fx.as("carol", json(post("/api/invoices/approve"), "{\"numbers\": [\"" + ACME + "\"]}"))
                .andExpect(jsonPath("$.results[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.results[0].error").value(containsString("cannot become APPROVED")));
    }

    @Test
    void bulkHold_requiresAReason_andNumbers() throws Exception {
        problem(fx.as("carol", json(post("/api/invoices/hold"), "{\"numbers\": [\"" + ACME + "\"]}")), 400, "reason");
        problem(
                fx.as("carol", json(post("/api/invoices/hold"), "{\"numbers\": [], \"reason\": \"x\"}")),
                400,
                "numbers");
        problem(fx.as("carol", json(post("/api/invoices/hold"), "{not json")), 400, "");
        fx.as("carol", json(post("/api/invoices/hold"), "{\"numbers\": [\"" + BETA + "\"], \"reason\": \"check\"}"))
                .andExpect(jsonPath("$.results[0].status").value("HELD"));
    }

    @Test
    void push_aDraft_is409_andAnApprovedInvoice_isDeliveredAndAudited() throws Exception {
        problem(fx.as("dave", post("/api/invoices/" + ACME + "/push")), 409, "only an APPROVED or posted invoice");
        fx.as("dave", post("/api/invoices/" + ACME + "/approve")).andExpect(status().isOk());
        fx.as("dave", json(post("/api/invoices/" + ACME + "/push"), "{\"reason\": \"send now\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].connector").value("books"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].state").value(not("PENDING")));
        assertThat(audit(AuditLog.INVOICE_PUSH)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("dave");
            assertThat(e.reason()).isEqualTo("send now");
        });
    }

    @Test
    void cyclePushApprovals_areAuditedInTheLedgerPath() {
        fx.app.getBean(PushService.class).pushPeriod(ApiFixture.OCTOBER, "cli:erin");
        assertThat(audit(AuditLog.INVOICE_APPROVE))
                .extracting(AuditLog.Entry::actor, AuditLog.Entry::target)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("cli:erin", ACME),
                        org.assertj.core.groups.Tuple.tuple("cli:erin", BETA));
    }

    @Test
    void invoiceApproveCommand_isAudited() throws Exception {
        // The command starts its own application on the same database; its configuration needs no secrets.
        Path config = java.nio.file.Files.writeString(
                dir.resolve("cli.yaml"),
                ApiFixture.CONFIG.substring(0, ApiFixture.CONFIG.indexOf("connectors:"))
                        + "customers:\n  acme: { name: Acme Dental, address: { line1: 9 Elm Rd, city: Springfield } }\n"
                        + "  beta: { name: Beta Bakery, address: { line1: 2 Oak St, city: Springfield } }\n");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.truecount.app.Truecount.run(
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err),
                "invoice",
                "approve",
                ACME,
                "--actor",
                "cli:gina",
                "--reason",
                "checked on paper",
                "--config",
                config.toString(),
                "--db",
                fx.db.jdbcUrl());
        assertThat(code).as(err.toString()).isZero();
        assertThat(audit(AuditLog.INVOICE_APPROVE)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("cli:gina");
            assertThat(e.target()).isEqualTo(ACME);
            assertThat(e.reason()).isEqualTo("checked on paper");
        });
    }

    @Test
    void aRolledBackApproval_leavesNoAuditRow() {
        InvoiceLedger ledger = new InvoiceLedger(fx.store, fx.config.company(), fx.app.getBean(Clock.class));
        assertThatThrownBy(() -> fx.tx.executeWithoutResult(s -> {
                    ledger.approve(ACME, "cli:frank", "approved from the command line");
                    throw new IllegalStateException("a later step failed");
                }))
                .hasMessage("a later step failed");
        assertThat(audit(null)).isEmpty();
        assertThat(fx.store.findByNumber(ACME).orElseThrow().status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    private static List<AuditLog.Entry> audit(String action) {
        return fx.app.getBean(AuditLog.class).query(null, action, 100);
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** An RFC 7807 answer with this status whose detail says this, and nothing of Java in it. */
    static void problem(ResultActions result, int status, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.detail").value(containsString(detail)))
                .andExpect(jsonPath("$.instance").isString())
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("\tat "))));
    }
}
