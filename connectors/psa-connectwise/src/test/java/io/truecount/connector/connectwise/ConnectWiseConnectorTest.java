package io.truecount.connector.connectwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ConnectWise connector against a stubbed PSA: auth, keyset paging, the ticket join and incremental reads. */
class ConnectWiseConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final CwStubs cw = new CwStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void psaHasTwoCompaniesAndATicket() {
        cw.emptyBeyondStubbedPages();
        cw.page(
                ConnectWiseConnector.COMPANIES,
                null,
                List.of(CwStubs.company(250, "Acme Dental"), CwStubs.company(251, "Beta Law")));
        cw.page(TicketLookup.TICKETS, null, List.of(CwStubs.ticket(4711, "VPN down", "Priority 2 - High", "Network")));
    }

    static TestSettings settings() {
        return harness.settings("connectwise-manage")
                .id("cw")
                .baseUrl(URI.create(harness.baseUrl() + CwStubs.API))
                .credential("company", "zylker")
                .credential("public-key", "pub123")
                .credential("private-key", CwStubs.PRIVATE_KEY)
                .credential("client-id", "3f1c0b5e-guid")
                .option("page-size", "2");
    }

    private SourceConnector connector() {
        return new ConnectWiseConnectorType().createSource(settings().build(), harness.runtime());
    }

    @Test
    void everyRequest_carriesBasicCompanyPlusPublicKey_theClientId_andThePinnedVersion() {
        cw.page(ConnectWiseConnector.ENTRIES, null, List.of(CwStubs.entry(1)));

        connector().sync(new CwSink(), stats);

        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("zylker+pub123:" + CwStubs.PRIVATE_KEY).getBytes(StandardCharsets.UTF_8));
        List<LoggedRequest> requests = cw.all();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(3).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo(basic);
            assertThat(r.getHeader("clientId")).isEqualTo("3f1c0b5e-guid");
            assertThat(r.getHeader("Accept")).isEqualTo("application/vnd.connectwise.com+json; version=2024.1");
        });
    }

    @Test
    void companies_arePagedForwardOnlyByLastId_untilAShortPage() {
        cw.page(
                ConnectWiseConnector.COMPANIES,
                "251",
                List.of(CwStubs.company(300, "Cobalt Inc"), CwStubs.company(301, "Delta Dental")));
        cw.page(ConnectWiseConnector.COMPANIES, "301", List.of(CwStubs.company(302, "Echo")));
        CwSink sink = new CwSink();

        connector().sync(sink, stats);

        List<LoggedRequest> requests = cw.requestsTo(ConnectWiseConnector.COMPANIES);
        assertThat(requests).extracting(r -> r.getHeader("pagination-type")).containsOnly("forward-only");
        assertThat(requests)
                .extracting(r -> r.queryParameter("pageId").isPresent()
                        ? r.queryParameter("pageId").firstValue()
                        : "-")
                .containsExactly("-", "251", "301");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.queryParameter("pageSize").firstValue()).isEqualTo("2");
            assertThat(r.queryParameter("fields").firstValue()).isEqualTo("id,identifier,name,website");
            assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("id asc");
        });
        assertThat(sink.organizations)
                .extracting(ExternalOrganization::externalId)
                .containsExactly("250", "251", "300", "301", "302");
        assertThat(sink.organizations.get(0)).isEqualTo(new ExternalOrganization("cw", "250", "Acme Dental"));
    }

    @Test
    void firstRun_readsEveryEntry_withoutConditions_marksTheReadComplete_andSavesTheWatermark() {
        cw.page(
                ConnectWiseConnector.ENTRIES,
                null,
                List.of(
                        CwStubs.entry(1),
                        CwStubs.entry(
                                5,
                                251,
                                "ChargeCode",
                                12,
                                "DoNotBill",
                                "2026-02-14T09:00:00Z",
                                "1.25",
                                "2026-02-20T10:00:00Z")));
        cw.page(ConnectWiseConnector.ENTRIES, "5", List.of());
        CwSink sink = new CwSink();

        connector().sync(sink, stats);

        assertThat(sink.entries())
                .containsExactly(
                        new TimeEntry(
                                "cw",
                                "250",
                                "1",
                                "4711",
                                "VPN down",
                                "jdoe",
                                "Remote",
                                "Priority 2 - High",
                                "Network",
                                true,
                                Instant.parse("2026-02-13T14:00:00Z"),
                                new BigDecimal("0.5")),
                        new TimeEntry(
                                "cw",
                                "251",
                                "5",
                                null,
                                null,
                                "jdoe",
                                "Remote",
                                null,
                                null,
                                false,
                                Instant.parse("2026-02-14T09:00:00Z"),
                                new BigDecimal("1.25")));
        List<LoggedRequest> reads = cw.requestsTo(ConnectWiseConnector.ENTRIES);
        assertThat(reads).hasSize(2).allSatisfy(r -> {
            assertThat(r.queryParameter("conditions").isPresent()).isFalse();
            assertThat(r.queryParameter("fields").firstValue()).isEqualTo(ConnectWiseConnector.ENTRY_FIELDS);
        });
        assertThat(sink.complete).containsExactly(Instant.EPOCH);
        assertThat(sink.seen).isEmpty();
        assertThat(sink.saved)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("lastUpdated", "2026-02-20T10:00:00Z", "fullReadAt", ConnectorHarness.START.toString()));
    }

    @Test
    void ticketDetails_areAskedForOncePerRun_byIdIn_forServiceTicketsOnly() {
        cw.page(ConnectWiseConnector.ENTRIES, null, List.of(CwStubs.entry(1), CwStubs.entry(2)));
        cw.page(
                ConnectWiseConnector.ENTRIES,
                "2",
                List.of(CwStubs.entry(
                        3,
                        250,
                        "ProjectTicket",
                        900,
                        "Billable",
                        "2026-02-15T09:00:00Z",
                        "2",
                        "2026-02-15T11:00:00Z")));
        CwSink sink = new CwSink();

        connector().sync(sink, stats);

        List<LoggedRequest> lookups = cw.requestsTo(TicketLookup.TICKETS);
        assertThat(lookups).hasSize(1);
        assertThat(lookups.get(0).queryParameter("conditions").firstValue()).isEqualTo("id in (4711)");
        assertThat(lookups.get(0).queryParameter("fields").firstValue())
                .isEqualTo("id,summary,priority/name,type/name");
        assertThat(sink.entries())
                .extracting(TimeEntry::ticketId, TimeEntry::ticketTitle)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4711", "VPN down"),
                        org.assertj.core.groups.Tuple.tuple("4711", "VPN down"),
                        org.assertj.core.groups.Tuple.tuple("900", null));
    }

    @Test
    void withAWatermark_onlyChangedEntriesAreRead_thenRecentIdsAreSwept() {
        Map<String, String> cursors =
                Map.of("lastUpdated", "2026-03-01T12:00:30Z", "fullReadAt", "2026-02-28T00:00:00Z");
        cw.page(
                ConnectWiseConnector.ENTRIES,
                null,
                List.of(CwStubs.entry(
                        7,
                        250,
                        "ServiceTicket",
                        4711,
                        "Billable",
                        "2026-02-27T09:00:00Z",
                        "1",
                        "2026-03-02T07:00:00Z")));
        cw.sweepPage(null, List.of(CwStubs.id(1), CwStubs.id(7)));
        cw.sweepPage("7", List.of(CwStubs.id(9)));
        CwSink sink = new CwSink(cursors);

        connector().sync(sink, stats);

        List<LoggedRequest> reads = cw.requestsTo(ConnectWiseConnector.ENTRIES);
        // One short page of changes, then the sweep: a full page of ids and a short one.
        assertThat(reads).hasSize(3);
        assertThat(reads.get(0).queryParameter("conditions").firstValue())
                .isEqualTo("lastUpdated > [2026-03-01T11:55:30Z]");
        assertThat(reads.get(0).getUrl()).contains("conditions=lastUpdated+%3E+%5B2026-03-01T11%3A55%3A30Z%5D");
        assertThat(reads.get(1).queryParameter("fields").firstValue()).isEqualTo("id");
        assertThat(reads.get(1).queryParameter("conditions").firstValue())
                .isEqualTo("timeStart >= [2026-02-01T00:00:00Z]");
        assertThat(reads.get(2).queryParameter("pageId").firstValue()).isEqualTo("7");
        assertThat(sink.entries()).extracting(TimeEntry::externalId).containsExactly("7");
        assertThat(sink.seen).containsExactly("1", "7", "9");
        assertThat(sink.complete).containsExactly(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(sink.saved)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("lastUpdated", "2026-03-02T07:00:00Z", "fullReadAt", "2026-02-28T00:00:00Z"));
    }

    @Test
    void withAWatermark_andNoChanges_theWatermarkIsSavedAgainUnchanged() {
        Map<String, String> cursors =
                Map.of("lastUpdated", "2026-03-01T12:00:00Z", "fullReadAt", "2026-03-01T00:00:00Z");
        CwSink sink = new CwSink(cursors);

        connector().sync(sink, stats);

        assertThat(sink.entries()).isEmpty();
        assertThat(sink.saved).containsExactlyInAnyOrderEntriesOf(cursors);
    }

    @Test
    void aFullReadOlderThanFullSyncHours_makesThisRunReadEverything() {
        Instant lastFull = ConnectorHarness.START.minus(Duration.ofHours(169));
        CwSink sink = new CwSink(Map.of("lastUpdated", "2026-03-01T12:00:00Z", "fullReadAt", lastFull.toString()));
        cw.page(ConnectWiseConnector.ENTRIES, null, List.of(CwStubs.entry(1)));

        connector().sync(sink, stats);

        assertThat(cw.requestsTo(ConnectWiseConnector.ENTRIES)).singleElement().satisfies(r -> assertThat(
                        r.queryParameter("conditions").isPresent())
                .isFalse());
        assertThat(sink.complete).containsExactly(Instant.EPOCH);
        assertThat(sink.saved).containsEntry("fullReadAt", ConnectorHarness.START.toString());
    }

    @Test
    void checkConnection_asksForSystemInfo() {
        harness.wireMock()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                        CwStubs.API + ConnectWiseConnector.SYSTEM_INFO))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                "{\"version\":\"v2024.1.12345\",\"isCloud\":true}")));

        connector().checkConnection();

        assertThat(cw.requestsTo(ConnectWiseConnector.SYSTEM_INFO)).hasSize(1);
    }

    @Test
    void withoutBaseUrl_orWithATooLargePage_theSettingsAreRefused() {
        assertThatThrownBy(() -> new ConnectWiseConnectorType()
                        .createSource(settings().baseUrl(null).build(), harness.runtime()))
                .hasMessageContaining("needs base-url");
        assertThatThrownBy(() -> new ConnectWiseConnectorType()
                        .createSource(settings().option("page-size", "1001").build(), harness.runtime()))
                .hasMessageContaining("'page-size' must be 1 to 1000");
    }
}
