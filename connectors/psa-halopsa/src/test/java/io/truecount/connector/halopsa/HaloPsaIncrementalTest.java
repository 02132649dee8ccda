package io.truecount.connector.halopsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs after the first: only tickets with actions since the watermark, and their actions, until the last full read is
 * {@code full-sync-hours} old.
 */
class HaloPsaIncrementalTest {

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
        halo.actions(1, List.of(HaloStubs.action(1), HaloStubs.action(1, 1300, "1")));
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

    /** Runs a first, full sync at {@link ConnectorHarness#START} and returns the sink of the run after it. */
    private TimeSink afterAFullRead(SourceConnector connector) {
        TimeSink first = new TimeSink();
        connector.sync(first, stats);
        assertThat(first.completeFrom).containsExactly(Instant.EPOCH);
        harness.wireMock().resetRequests();
        return first.next();
    }

    private List<LoggedRequest> actionRequests() {
        return halo.requestsTo(HaloPsaConnector.ACTIONS);
    }

    @Test
    void theNextRun_readsOnlyTicketsWithActionsSinceTheWatermark_andOnlyTheirActions() {
        SourceConnector connector = connector(settings());
        TimeSink second = afterAFullRead(connector);
        harness.clock().advance(Duration.ofHours(1));
        // Ticket 1300 had an action edited and one added: three actions, two pages of two.
        halo.changedTickets("2026-03-02T07:50:00", HaloStubs.ticket(1300, 8));
        halo.ticketActions(1300, 1, List.of(HaloStubs.action(1, 1300, "1.5"), HaloStubs.action(2, 1300, "0.25")));
        halo.ticketActions(1300, 2, List.of(HaloStubs.action(3, 1300, "0.75")));

        connector.sync(second, stats);

        assertThat(second.entries())
                .extracting(TimeEntry::externalId, TimeEntry::organizationId, TimeEntry::hours)
                .containsExactly(
                        tuple("1300/1", "8", new BigDecimal("1.5")),
                        tuple("1300/2", "8", new BigDecimal("0.25")),
                        tuple("1300/3", "8", new BigDecimal("0.75")));
        assertThat(halo.requestsTo(HaloPsaConnector.TICKETS)).allSatisfy(r -> {
            assertThat(r.queryParameter("datesearch").firstValue()).isEqualTo("lastactiondate");
            assertThat(r.queryParameter("startdate").firstValue()).isEqualTo("2026-03-02T07:50:00");
        });
        assertThat(actionRequests())
                .extracting(r -> r.queryParameter("ticket_id").firstValue() + "#"
                        + r.queryParameter("page_no").firstValue())
                .containsExactly("1300#1", "1300#2");
        assertThat(actionRequests())
                .allSatisfy(r ->
                        assertThat(r.queryParameter("excludesys").firstValue()).isEqualTo("true"));
        // Not every entry was met, so none may be swept; the full read's time is carried forward.
        assertThat(second.completeFrom).isEmpty();
        assertThat(second.saved)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(SyncPlan.WATERMARK, "2026-03-02T08:50:00Z", SyncPlan.FULL_READ, "2026-03-02T08:00:00Z"));
    }

    @Test
    void anActionEditedToNoTime_isReportedDeleted_onAnIncrementalRun() {
        SourceConnector connector = connector(settings());
        TimeSink second = afterAFullRead(connector);
        halo.changedTickets("2026-03-02T07:50:00", HaloStubs.ticket(1300, 8));
        halo.ticketActions(1300, 1, List.of(HaloStubs.action(1, 1300, "0")));

        connector.sync(second, stats);

        assertThat(second.entries()).isEmpty();
        assertThat(second.deleted).containsExactly("1300/1");
    }

    @Test
    void withNoChangedTicket_theRunReadsNoAction_andStillMovesTheWatermark() {
        SourceConnector connector = connector(settings());
        TimeSink second = afterAFullRead(connector);
        harness.clock().advance(Duration.ofHours(3));
        halo.changedTickets("2026-03-02T07:50:00");

        connector.sync(second, stats);

        assertThat(actionRequests()).isEmpty();
        assertThat(second.entries()).isEmpty();
        assertThat(second.saved).containsEntry(SyncPlan.WATERMARK, "2026-03-02T10:50:00Z");
    }

    @Test
    void onceTheLastFullReadIsFullSyncHoursOld_theRunReadsEverythingAgain_andSweepsDeletions() {
        SourceConnector connector = connector(settings().option("full-sync-hours", "6"));
        TimeSink second = afterAFullRead(connector);
        harness.clock().advance(Duration.ofHours(5));
        halo.changedTickets("2026-03-02T07:50:00");
        connector.sync(second, stats);
        assertThat(second.completeFrom).isEmpty();
        harness.wireMock().resetRequests();

        TimeSink third = second.next();
        harness.clock().advance(Duration.ofHours(1));
        connector.sync(third, stats);

        assertThat(third.completeFrom).containsExactly(Instant.EPOCH);
        assertThat(third.entries()).extracting(TimeEntry::externalId).containsExactly("1234/1", "1300/1");
        assertThat(actionRequests())
                .allSatisfy(r ->
                        assertThat(r.queryParameter("ticket_id").isPresent()).isFalse());
        assertThat(third.saved).containsEntry(SyncPlan.FULL_READ, "2026-03-02T14:00:00Z");
    }

    @Test
    void theDefaultIsAFullReadEvery24Hours() {
        SourceConnector connector = connector(settings());
        TimeSink second = afterAFullRead(connector);
        harness.clock().advance(Duration.ofHours(24));

        connector.sync(second, stats);

        assertThat(second.completeFrom).containsExactly(Instant.EPOCH);
    }

    @Test
    void fullSyncHoursZero_makesEveryRunAFullRead() {
        SourceConnector connector = connector(settings().option("full-sync-hours", "0"));
        TimeSink second = afterAFullRead(connector);

        connector.sync(second, stats);

        assertThat(second.completeFrom).containsExactly(Instant.EPOCH);
        assertThat(halo.requestsTo(HaloPsaConnector.TICKETS))
                .allSatisfy(r ->
                        assertThat(r.queryParameter("datesearch").isPresent()).isFalse());
    }

    @Test
    void anUnreadableCursor_makesTheRunAFullRead() {
        TimeSink sink =
                new TimeSink(Map.of(SyncPlan.WATERMARK, "yesterday", SyncPlan.FULL_READ, "2026-03-02T07:00:00Z"));

        connector(settings()).sync(sink, stats);

        assertThat(sink.completeFrom).containsExactly(Instant.EPOCH);
        assertThat(sink.entries()).hasSize(2);
    }

    @Test
    void aNegativeFullSyncHours_isRefusedWithOneLine() {
        assertThatThrownBy(() -> connector(settings().option("full-sync-hours", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector 'halo': option 'full-sync-hours' must be 0 (every run reads in full) or more,"
                        + " not -1");
    }
}
