package io.truecount.connector.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncStats;
import io.truecount.connector.json.Json;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zone discovery, headers, query bodies, paging and the incremental read with its deletion sweep. */
class AutotaskConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final AutotaskStubs autotask = new AutotaskStubs(harness.wireMock());

    @BeforeEach
    void oneCompanyWithOneTicket() {
        AccountLimits.resetForTests();
        autotask.zone();
        autotask.picklists();
        autotask.companies(AutotaskStubs.company(0, "MSP Inc"), AutotaskStubs.company(174, "Acme Dental"));
        autotask.resources();
        autotask.billingCodes();
        autotask.tickets(AutotaskStubs.ticket(7001, 174));
    }

    static TestSettings settings(URI baseUrl) {
        return settings(harness, baseUrl);
    }

    static TestSettings settings(ConnectorHarness harness, URI baseUrl) {
        return harness.settings("autotask")
                .id("at")
                .baseUrl(baseUrl)
                .credential("username", AutotaskStubs.USER)
                .credential("secret", AutotaskStubs.SECRET)
                .credential("integration-code", AutotaskStubs.CODE);
    }

    private SourceConnector discovering() {
        return new AutotaskConnectorType()
                .createSource(settings(harness.baseUrl()).build(), harness.runtime());
    }

    @Test
    void baseUrlWithoutPath_discoversTheZoneOnce_withoutCredentials_andQueriesIt() {
        autotask.query("TimeEntries", AutotaskStubs.page(List.of(), null));
        SourceConnector connector = discovering();

        connector.sync(new PsaSink(), new SyncStats());
        connector.sync(new PsaSink(), new SyncStats());

        List<LoggedRequest> discovery =
                harness.wireMock().findAll(getRequestedFor(urlPathEqualTo(ZoneLocator.DISCOVERY_PATH)));
        assertThat(discovery).hasSize(1);
        assertThat(discovery.get(0).queryParameter("user").firstValue()).isEqualTo(AutotaskStubs.USER);
        assertThat(discovery.get(0).containsHeader("Secret")).isFalse();
        assertThat(harness.wireMock()
                        .findAll(postRequestedFor(urlPathEqualTo(AutotaskStubs.ROOT + "/Companies/query"))))
                .hasSize(2);
    }

    @Test
    void baseUrlNamingTheZone_skipsDiscovery_andAddsTheVersion() {
        autotask.query("TimeEntries", AutotaskStubs.page(List.of(), null));
        URI zone = URI.create(harness.baseUrl() + "/ATServicesRest");
        SourceConnector connector =
                new AutotaskConnectorType().createSource(settings(zone).build(), harness.runtime());

        PsaSink sink = new PsaSink();
        connector.sync(sink, new SyncStats());

        assertThat(harness.wireMock().findAll(getRequestedFor(urlPathEqualTo(ZoneLocator.DISCOVERY_PATH))))
                .isEmpty();
        assertThat(sink.organizations)
                .extracting(ExternalOrganization::externalId, ExternalOrganization::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0", "MSP Inc"),
                        org.assertj.core.groups.Tuple.tuple("174", "Acme Dental"));
    }

    @Test
    void everyApiRequest_carriesTheThreeAutotaskHeaders() {
        autotask.query(
                "TimeEntries",
                AutotaskStubs.page(List.of(AutotaskStubs.entry(1, 7001, "1.25", false, "2026-02-20T10:00:00Z")), null));
        discovering().sync(new PsaSink(), new SyncStats());

        List<LoggedRequest> api = harness.wireMock().findAll(postRequestedFor(urlPathMatching(".*/query")));
        api.addAll(harness.wireMock().findAll(getRequestedFor(urlPathMatching(".*/entityInformation/fields"))));
        assertThat(api).hasSizeGreaterThanOrEqualTo(6);
        for (LoggedRequest request : api) {
            assertThat(request.getHeader("ApiIntegrationCode")).isEqualTo(AutotaskStubs.CODE);
            assertThat(request.getHeader("UserName")).isEqualTo(AutotaskStubs.USER);
            assertThat(request.getHeader("Secret")).isEqualTo(AutotaskStubs.SECRET);
        }
    }

    @Test
    void firstRun_readsEveryEntry_joinsTicketAndNames_reportsAllComplete_andSavesTheWatermark() {
        autotask.query(
                "TimeEntries",
                AutotaskStubs.page(
                        List.of(
                                AutotaskStubs.entry(1, 7001, "1.25", false, "2026-02-20T10:00:00Z"),
                                AutotaskStubs.entry(2, 7001, "0.5", true, "2026-02-21T11:30:00.123Z")),
                        null));
        PsaSink sink = new PsaSink();

        discovering().sync(sink, new SyncStats());

        assertThat(sink.entries())
                .containsExactly(
                        new TimeEntry(
                                "at",
                                "174",
                                "1",
                                "7001",
                                "Printer offline",
                                "Ana Ruiz",
                                "Remote Support",
                                "Critical",
                                "Network",
                                true,
                                Instant.parse("2026-02-16T09:30:00Z"),
                                new BigDecimal("1.25")),
                        new TimeEntry(
                                "at",
                                "174",
                                "2",
                                "7001",
                                "Printer offline",
                                "Ana Ruiz",
                                "Remote Support",
                                "Critical",
                                "Network",
                                false,
                                Instant.parse("2026-02-16T09:30:00Z"),
                                new BigDecimal("0.5")));
        assertThat(sink.complete).containsExactly(Instant.EPOCH);
        assertThat(sink.saved).containsEntry(AutotaskConnector.WATERMARK, "2026-02-21T11:30:00.123Z");
        JsonNode body = lastBody("TimeEntries");
        assertThat(body.path("MaxRecords").asInt()).isEqualTo(500);
        assertThat(body.path("IncludeFields").toString()).contains("\"id\"", "\"lastModifiedDateTime\"");
        assertThat(body.path("filter").toString()).isEqualTo("[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]");
        JsonNode tickets = lastBody("Tickets");
        assertThat(tickets.path("filter").toString()).isEqualTo("[{\"op\":\"in\",\"field\":\"id\",\"value\":[7001]}]");
    }

    @Test
    void laterRun_readsOnlyEntriesChangedSinceTheWatermark_andSweepsIdsOfThePreviousAndCurrentMonth() {
        autotask.query(
                "TimeEntries",
                AutotaskStubs.page(List.of(AutotaskStubs.entry(2, 7001, "2", false, "2026-03-01T12:00:00Z")), null));
        harness.wireMock()
                .stubFor(autotask.queryWith("TimeEntries", "gte", "dateWorked")
                        .willReturn(okJson(AutotaskStubs.page(List.of(AutotaskStubs.ids(1, 2, 5)), null))));
        PsaSink sink = new PsaSink(java.util.Map.of(AutotaskConnector.WATERMARK, "2026-02-21T11:30:00Z"));

        discovering().sync(sink, new SyncStats());

        List<JsonNode> bodies = bodies("TimeEntries");
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).path("filter").toString())
                .isEqualTo("[{\"op\":\"gt\",\"field\":\"lastModifiedDateTime\",\"value\":\"2026-02-21T11:25:00Z\"}]");
        // The clock stands at 2026-03-02: the window starts on 1 February, asked from the day before.
        assertThat(bodies.get(1).path("IncludeFields").toString()).isEqualTo("[\"id\"]");
        assertThat(bodies.get(1).path("filter").toString())
                .isEqualTo("[{\"op\":\"gte\",\"field\":\"dateWorked\",\"value\":\"2026-01-31T00:00:00Z\"}]");
        assertThat(sink.entries()).extracting(TimeEntry::externalId).containsExactly("2");
        assertThat(sink.seen).containsExactly("1", "2", "5");
        assertThat(sink.complete).containsExactly(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(sink.saved).containsEntry(AutotaskConnector.WATERMARK, "2026-03-01T12:00:00Z");
    }

    @Test
    void laterRunWithNothingChanged_keepsTheWatermark() {
        autotask.query("TimeEntries", AutotaskStubs.page(List.of(), null));
        PsaSink sink = new PsaSink(java.util.Map.of(AutotaskConnector.WATERMARK, "2026-02-21T11:30:00Z"));

        discovering().sync(sink, new SyncStats());

        assertThat(sink.saved).containsEntry(AutotaskConnector.WATERMARK, "2026-02-21T11:30:00Z");
        assertThat(harness.wireMock().findAll(postRequestedFor(urlPathEqualTo(AutotaskStubs.ROOT + "/Tickets/query"))))
                .isEmpty();
    }

    @Test
    void nextPageUrl_isFollowedVerbatimWithGet_untilItIsNull() {
        autotask.query(
                "TimeEntries",
                AutotaskStubs.page(
                        List.of(AutotaskStubs.entry(1, 7001, "1", false, "2026-02-20T10:00:00Z")),
                        autotask.next("TimeEntries", 1)));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(AutotaskStubs.ROOT + "/TimeEntries/query/next"))
                        .willReturn(okJson(AutotaskStubs.page(
                                List.of(AutotaskStubs.entry(2, 7001, "2", false, "2026-02-20T10:00:00Z")), null))));
        PsaSink sink = new PsaSink();

        discovering().sync(sink, new SyncStats());

        assertThat(sink.timePages).hasSize(2);
        List<LoggedRequest> next = harness.wireMock()
                .findAll(getRequestedFor(urlPathEqualTo(AutotaskStubs.ROOT + "/TimeEntries/query/next")));
        assertThat(next).hasSize(1);
        assertThat(next.get(0).queryParameter("paging").firstValue()).isEqualTo("p1");
        assertThat(next.get(0).getHeader("Secret")).isEqualTo(AutotaskStubs.SECRET);
    }

    @Test
    void firstRunWithAHistoryStart_readsEntriesWorkedSinceThen_andReportsThemComplete() {
        autotask.query("TimeEntries", AutotaskStubs.page(List.of(), null));
        SourceConnector connector = new AutotaskConnectorType()
                .createSource(
                        settings(harness.baseUrl())
                                .option(AutotaskConnectorType.HISTORY_START, "2026-01-01")
                                .build(),
                        harness.runtime());
        PsaSink sink = new PsaSink();

        connector.sync(sink, new SyncStats());

        assertThat(lastBody("TimeEntries").path("filter").toString())
                .isEqualTo("[{\"op\":\"gte\",\"field\":\"dateWorked\",\"value\":\"2025-12-31T00:00:00Z\"}]");
        assertThat(sink.complete).containsExactly(Instant.parse("2026-01-01T00:00:00Z"));
        // No entry read: the watermark starts at the run.
        assertThat(sink.saved).containsEntry(AutotaskConnector.WATERMARK, ConnectorHarness.START.toString());
    }

    @Test
    void entryWithoutATicket_isNotDelivered_butMovesTheWatermark() {
        autotask.query(
                "TimeEntries",
                AutotaskStubs.page(
                        List.of(
                                "{\"id\":9,\"ticketID\":null,\"taskID\":55,\"isNonBillable\":false,"
                                        + "\"dateWorked\":\"2026-02-16T00:00:00\",\"hoursWorked\":4,"
                                        + "\"lastModifiedDateTime\":\"2026-02-25T00:00:00Z\"}",
                                AutotaskStubs.entry(1, 7001, "1", false, "2026-02-20T10:00:00Z")),
                        null));
        PsaSink sink = new PsaSink();

        discovering().sync(sink, new SyncStats());

        assertThat(sink.entries()).extracting(TimeEntry::externalId).containsExactly("1");
        assertThat(sink.saved).containsEntry(AutotaskConnector.WATERMARK, "2026-02-25T00:00:00Z");
    }

    @Test
    void checkConnection_discoversTheZone_andReadsOneCompany() {
        discovering().checkConnection();

        assertThat(harness.wireMock().findAll(getRequestedFor(urlPathEqualTo(ZoneLocator.DISCOVERY_PATH))))
                .hasSize(1);
        assertThat(lastBody("Companies").path("MaxRecords").asInt()).isEqualTo(1);
    }

    private JsonNode lastBody(String entity) {
        List<JsonNode> all = bodies(entity);
        return all.get(all.size() - 1);
    }

    static List<JsonNode> bodies(String entity) {
        return harness
                .wireMock()
                .findAll(postRequestedFor(urlPathEqualTo(AutotaskStubs.ROOT + "/" + entity + "/query")))
                .stream()
                .map(r -> {
                    try {
                        return Json.parse(r.getBody());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }
}
