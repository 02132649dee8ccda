package io.truecount.connector.halopsa;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HaloPSA connector against a stubbed instance: token, paging, the ticket join and a full read's completeness. */
class HaloPsaConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final HaloStubs halo = new HaloStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void haloHasTwoClientsAndTheirTickets() {
        halo.tokenIssues("tok-1");
        halo.emptyBeyondStubbedPages();
        halo.clients("{\"id\":7,\"name\":\"Acme Dental\"}", "{\"id\":8,\"name\":\"Borg Legal\"}");
        halo.tickets(HaloStubs.ticket(1234, 7), HaloStubs.ticket(1300, 8));
    }

    private TestSettings settings() {
        return harness.settings("halopsa")
                .id("halo")
                .baseUrl(URI.create(harness.baseUrl() + HaloStubs.API))
                .credential("client-id", "client-1")
                .credential("client-secret", HaloStubs.CLIENT_SECRET)
                .option("page-size", "2");
    }

    private SourceConnector connector(TestSettings settings) {
        return new HaloPsaConnectorType().createSource(settings.build(), harness.runtime());
    }

    @Test
    void token_isClientCredentialsWithScopeAll_forTheTenant_andReusedAcrossRuns() {
        halo.actions(1, HaloStubs.actions(1, 1));
        SourceConnector connector = connector(settings().credential("tenant", "acme"));

        connector.sync(new TimeSink(), stats);
        connector.sync(new TimeSink(), stats);

        List<LoggedRequest> tokens = halo.tokenRequests();
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).getUrl()).isEqualTo(HaloStubs.TOKEN + "?tenant=acme");
        assertThat(URLDecoder.decode(tokens.get(0).getBodyAsString(), StandardCharsets.UTF_8))
                .isEqualTo("grant_type=client_credentials&client_id=client-1&client_secret=" + HaloStubs.CLIENT_SECRET
                        + "&scope=all");
        assertThat(harness.wireMock()
                        .findAll(getRequestedFor(urlPathEqualTo(HaloStubs.API + HaloPsaConnector.ACTIONS))
                                .withHeader("Authorization", equalTo("Bearer tok-1"))))
                .hasSize(2);
    }

    @Test
    void withoutTenant_theTokenRequestHasNoTenant_andAnAuthUrlOverridesTheDefault() {
        halo.actions(1, HaloStubs.actions(1, 1));
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/idp/token"))
                        .willReturn(okJson("{\"access_token\":\"tok-2\",\"expires_in\":3600}")));

        connector(settings().authUrl(URI.create(harness.baseUrl() + "/idp"))).sync(new TimeSink(), stats);

        assertThat(halo.tokenRequests()).isEmpty();
        assertThat(harness.wireMock()
                        .findAll(postRequestedFor(urlPathEqualTo("/idp/token")))
                        .get(0)
                        .getUrl())
                .isEqualTo("/idp/token");
        assertThat(halo.requestsTo(HaloPsaConnector.ACTIONS).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer tok-2");
    }

    @Test
    void actions_arePagedWithPageinate_untilAShortPage_andDeliveredPageByPage() {
        halo.actions(1, HaloStubs.actions(1, 2));
        halo.actions(2, HaloStubs.actions(3, 4));
        halo.actions(3, HaloStubs.actions(5, 4));
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        List<LoggedRequest> requests = halo.requestsTo(HaloPsaConnector.ACTIONS);
        assertThat(requests)
                .extracting(r -> r.queryParameter("page_no").firstValue())
                .containsExactly("1", "2", "3");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.queryParameter("pageinate").firstValue()).isEqualTo("true");
            assertThat(r.queryParameter("page_size").firstValue()).isEqualTo("2");
            assertThat(r.queryParameter("excludesys").firstValue()).isEqualTo("true");
        });
        assertThat(sink.timePages).extracting(List::size).containsExactly(2, 2);
        assertThat(sink.entries())
                .extracting(TimeEntry::externalId)
                .containsExactly("1234/1", "1234/2", "1234/3", "1234/4");
    }

    @Test
    void clients_becomeOrganizations_andTicketsAreReadPaged() {
        halo.actions(1, List.of());

        TimeSink sink = new TimeSink();
        connector(settings()).sync(sink, stats);

        assertThat(sink.organizations)
                .containsExactly(
                        new ExternalOrganization("halo", "7", "Acme Dental"),
                        new ExternalOrganization("halo", "8", "Borg Legal"));
        // Two tickets fill a page of two, so the connector must ask whether there is a second.
        assertThat(halo.requestsTo(HaloPsaConnector.TICKETS))
                .extracting(r -> r.queryParameter("page_no").firstValue())
                .containsExactly("1", "2");
    }

    @Test
    void eachEntryBelongsToItsTicketsClient_andKeepsBillableAsHaloSaysIt() {
        halo.actions(
                1,
                List.of(
                        HaloStubs.action(1),
                        "{\"id\":1,\"ticket_id\":1300,\"outcome\":\"Onsite\",\"who\":\"Sam Roe\","
                                + "\"datetime\":\"2026-02-14T09:00:00\",\"timetaken\":1.25,\"actisbillable\":false}"));
        halo.actions(2, List.of());
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        assertThat(sink.entries())
                .containsExactly(
                        new TimeEntry(
                                "halo",
                                "7",
                                "1234/1",
                                "1234",
                                "VPN down",
                                "Jane Doe",
                                "Remote Support",
                                "P2 High",
                                "Network",
                                true,
                                Instant.parse("2026-02-13T14:30:00Z"),
                                new BigDecimal("0.5")),
                        new TimeEntry(
                                "halo",
                                "8",
                                "1300/1",
                                "1300",
                                "VPN down",
                                "Sam Roe",
                                "Onsite",
                                "P2 High",
                                "Network",
                                false,
                                Instant.parse("2026-02-14T09:00:00Z"),
                                new BigDecimal("1.25")));
    }

    @Test
    void actionsWithoutTime_orOnATicketNotListed_deliverNoEntry() {
        halo.actions(
                1,
                List.of(
                        "{\"id\":2,\"ticket_id\":1234,\"outcome\":\"Email\",\"datetime\":\"2026-02-13T10:00:00Z\","
                                + "\"timetaken\":0,\"actisbillable\":true}",
                        "{\"id\":1,\"ticket_id\":9999,\"outcome\":\"Remote\",\"datetime\":\"2026-02-13T10:00:00Z\","
                                + "\"timetaken\":2,\"actisbillable\":true}"));
        halo.actions(2, List.of(HaloStubs.action(3)));
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        assertThat(sink.entries()).extracting(TimeEntry::externalId).containsExactly("1234/3");
        assertThat(stats.records()).isEqualTo(2 + 2 + 3);
    }

    @Test
    void aFirstRun_readsEveryAction_andTellsTheSinkItMetEveryEntry_soDeletedOnesStopBeingBilled() {
        halo.actions(1, HaloStubs.actions(1, 2));
        halo.actions(2, List.of(HaloStubs.action(3)));
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        assertThat(sink.entries()).extracting(TimeEntry::externalId).containsExactly("1234/1", "1234/2", "1234/3");
        assertThat(sink.completeFrom).containsExactly(Instant.EPOCH);
        assertThat(sink.deleted).isEmpty();
        // The next run reads the tickets with actions from ten minutes before this one started.
        assertThat(sink.saved)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(SyncPlan.WATERMARK, "2026-03-02T07:50:00Z", SyncPlan.FULL_READ, "2026-03-02T08:00:00Z"));
        assertThat(halo.requestsTo(HaloPsaConnector.TICKETS))
                .allSatisfy(r ->
                        assertThat(r.queryParameter("datesearch").isPresent()).isFalse());
    }

    @Test
    void aFailedRun_claimsNoCompleteness_andSavesNoCursor() {
        halo.actions(1, HaloStubs.actions(1, 2));
        halo.page(HaloPsaConnector.ACTIONS, 2, okJson("{\"record_count\":1,\"actions\":{}}"));
        TimeSink failed = new TimeSink();

        assertThatThrownBy(() -> connector(settings()).sync(failed, stats)).isInstanceOf(MalformedPageException.class);

        assertThat(failed.entries()).hasSize(2);
        assertThat(failed.completeFrom).isEmpty();
        assertThat(failed.saved).isEmpty();
    }

    @Test
    void checkConnection_asksForOneClient() {
        connector(settings()).checkConnection();

        List<LoggedRequest> requests = halo.requestsTo(HaloPsaConnector.CLIENTS);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl())
                .isEqualTo(HaloStubs.API + HaloPsaConnector.CLIENTS + "?pageinate=true&page_size=1&page_no=1");
    }
}
