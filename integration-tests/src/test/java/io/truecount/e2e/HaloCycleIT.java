package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.sim.halopsa.Endpoint;
import io.truecount.sim.halopsa.HaloData;
import io.truecount.sim.halopsa.HaloSimulator;
import io.truecount.sim.halopsa.ServedRequest;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} end to end against the HaloPSA simulator: the client-credentials token for a tenant, clients,
 * tickets and actions in pages of two, block hours and time and materials computed by hand, every failure mode, and
 * incremental re-syncs that read only the tickets with new actions until the scheduled full read sweeps deletions.
 */
class HaloCycleIT {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    private static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private static final String TENANT = "zylker";

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private final HandClock clock = new HandClock(Instant.parse("2026-11-01T06:00:00Z"));
    private HaloSimulator halo;
    private String jdbcUrl;
    private Path config;

    @TempDir
    Path dir;

    /** The simulator's clock, moved by hand; the application's is pinned to the same instant for each cycle. */
    private static final class HandClock extends Clock {
        private final AtomicReference<Instant> now;

        HandClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static Instant oct(int day, int hour) {
        return Instant.parse("2026-10-%02dT%02d:00:00Z".formatted(day, hour));
    }

    /**
     * Acme (client 7): ticket 1234 (P2) with Halo's "Ticket Logged", Remote 1.5 h (Oct 5), Onsite 2 h (Oct 6),
     * Remote 2 h (Oct 12) and a zero-time e-mail; ticket 1300 (P1) with Onsite 1.1 h and a non-billable Remote 1 h
     * (Oct 20); ticket 1400 with Remote 1.5 h (Oct 27); ticket 1100 with Remote 3 h in September. Beta (8): a phone
     * call of 0.3 h. The walk-in desk (9) maps to no customer.
     */
    static HaloData data() {
        return HaloData.builder()
                .client(7, "Acme Dental")
                .client(8, "Beta Law")
                .client(9, "Walk-in Customers")
                .ticket(1100, 7, "Server move", "P3 Medium", "Hardware")
                .action(1100, "Remote Support", "Sam Roe", Instant.parse("2026-09-28T15:00:00Z"), "3", true)
                .ticket(1234, 7, "VPN down", "P2 High", "Network")
                .systemAction(1234, "Ticket Logged", oct(5, 13))
                .action(1234, "Remote Support", "Jane Doe", oct(5, 14), "1.5", true)
                .action(1234, "Onsite", "Sam Roe", oct(6, 14), "2", true)
                .action(1234, "Remote Support", "Jane Doe", oct(12, 14), "2", true)
                .action(1234, "Email", "Jane Doe", oct(12, 16), "0", false)
                .ticket(1300, 7, "Server down", "P1 Critical", "Hardware")
                .action(1300, "Onsite", "Sam Roe", oct(20, 14), "1.1", true)
                .action(1300, "Remote Support", "Jane Doe", oct(20, 18), "1", false)
                .ticket(1400, 7, "New starter laptop", "P3 Medium", "Hardware")
                .action(1400, "Remote Support", "Ana Lima", oct(27, 14), "1.5", true)
                .ticket(2001, 8, "Password reset", "P4 Low", "Accounts")
                .action(2001, "Phone Call", "Ana Lima", oct(8, 14), "0.3", true)
                .ticket(3001, 9, "Printer", "P4 Low", "Hardware")
                .action(3001, "Remote Support", "Ana Lima", oct(9, 14), "1", true)
                .build();
    }

    @BeforeEach
    void start() throws IOException, SQLException {
        // A database of its own per test: cursors a test's runs save must not make another test's first run
        // incremental.
        jdbcUrl = postgres.freshJdbcUrl("halo");
        halo = HaloSimulator.builder(data())
                .tenant(TENANT)
                .clock(clock)
                .throttleEvery(3)
                .flakyEvery(3)
                .tokenRequestLimit(3)
                .slowDelay(Duration.ofMillis(150))
                .start();
        config = writeConfig(halo.clientSecret());
    }

    @AfterEach
    void stop() {
        halo.close();
        System.clearProperty("truecount.fixed-clock");
    }

    private Path writeConfig(String clientSecret) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/halo-id"), halo.clientId() + "\n");
        Files.writeString(dir.resolve("secrets/halo-secret"), clientSecret + "\n");
        Files.writeString(dir.resolve("secrets/halo-tenant"), TENANT + "\n");
        String yaml =
                """
                company:
                  name: Zylker Managed Services
                  currency: USD
                  timezone: America/New_York
                  invoice-prefix: ZY-
                  address: { line1: 1 Main St, city: Springfield, postal-code: "12345", country: US }
                  tax-id: US123456789

                connectors:
                  halo:
                    type: halopsa
                    base-url: %s
                    credentials:
                      client-id: "file:secrets/halo-id"
                      client-secret: "file:secrets/halo-secret"
                      tenant: "file:secrets/halo-tenant"
                    page-size: 2
                    retry: { max-attempts: 3, backoff-millis: 20, max-wait-seconds: 5 }

                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { halo: "7" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { halo: "8" }

                contracts:
                  - id: acme-support
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: block, type: block-hours, hours: 4, price: "500.00", overage-rate: "150.00",
                          work-types: [Remote Support] }
                      - { id: tm, type: time-and-materials, default-rate: "120.00",
                          rates: [{ priority: P1 Critical, rate: "180.00" }] }
                  - id: beta-support
                    customer: beta
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: tm, type: time-and-materials, default-rate: "120.00" }
                """
                        .formatted(halo.apiUrl());
        Path file = dir.resolve("truecount.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private CliRun cycle() {
        return CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                "2026-10",
                "--as-of",
                AS_OF.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--db",
                jdbcUrl);
    }

    /**
     * A cycle with the application's clock pinned to the simulator's, so that the connector's full-sync-hours (24 by
     * default) can pass.
     */
    private CliRun cycleNow() {
        System.setProperty("truecount.fixed-clock", clock.instant().toString());
        return cycle();
    }

    private Exports out() {
        return new Exports(dir.resolve("out"));
    }

    private void assertFirstInvoices() throws IOException {
        // Acme, block (Remote Support): 1.5 + 2 + 1.5 = 5 h of 4 included -> 1 h x 150.00 overage; September's 3 h
        // and the non-billable hour do not count. Time and materials, one line per rate: Onsite 2 h (P2) x 120.00 =
        // 240.00, Onsite 1.1 h -> 1.25 h (P1) x 180.00 = 225.00. 500 + 150 + 465 = 1115.00; tax 8.25 % = 91.9875
        // -> 91.99.
        JsonNode acme = out().invoiceOf("acme");
        assertThat(Exports.lines(acme))
                .containsExactly(
                        "block 1 x 500.00 = 500.00",
                        "block 1 x 150.00 = 150.00",
                        "tm 2 x - = 240.00",
                        "tm 1.25 x - = 225.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("1115.00");
        assertThat(acme.get("tax").asText()).isEqualTo("91.99");
        assertThat(acme.get("total").asText()).isEqualTo("1206.99");
        // Beta: 0.3 h -> 0.5 h x 120.00.
        JsonNode beta = out().invoiceOf("beta");
        assertThat(Exports.lines(beta)).containsExactly("tm 0.5 x - = 60.00");
        assertThat(beta.get("total").asText()).isEqualTo("60.00");
    }

    @Test
    void cycle_billsHalosTime_asComputedByHand_fromPagedListings() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertFirstInvoices();
        assertThat(out().read("invoices.json").get("invoices")).hasSize(2);
        JsonNode lines = out().invoiceOf("acme").get("lines");
        assertThat(lines.get(2).get("sources").findValuesAsText("id")).containsExactly("1234/3");
        assertThat(lines.get(3).get("sources").findValuesAsText("id")).containsExactly("1300/1");
        assertThat(out().reconciliation()).contains("UNMAPPED_ORGANIZATION - 9");

        // One token for the tenant; 3 clients in pages of 2 (2 requests); 6 tickets (4 requests: the last page is
        // empty); 10 actions without Halo's own (6 requests).
        assertThat(halo.requests()).extracting(ServedRequest::status).containsOnly(200);
        assertThat(halo.requests().stream().filter(r -> r.endpoint() == Endpoint.TOKEN))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("tenant=" + TENANT));
        assertThat(halo.requestCount(Endpoint.CLIENTS)).isEqualTo(2);
        assertThat(halo.requestCount(Endpoint.TICKETS)).isEqualTo(4);
        assertThat(halo.requests().stream().filter(r -> r.endpoint() == Endpoint.ACTIONS))
                .hasSize(6)
                .allSatisfy(r -> {
                    assertThat(r.query()).contains("pageinate=true", "excludesys=true", "page_size=2");
                    assertThat(r.ticketId()).isNull();
                });
    }

    @Test
    void reSyncs_readOnlyChangedTickets_andTheScheduledFullReadDropsDeletedTime() throws IOException {
        CliRun first = cycleNow();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertFirstInvoices();
        String number = out().invoiceOf("acme").get("number").asText();

        // An hour later: Remote 2 h of Oct 12 edited to 1 h; 0.5 h of Remote added to ticket 1400; the P1 Onsite
        // 1.1 h deleted, which leaves ticket 1300's lastactiondate where it was.
        clock.advance(Duration.ofHours(1));
        halo.editAction(1234, 4, "1");
        halo.addAction(1400, "Remote Support", "Ana Lima", oct(30, 14), "0.5");
        halo.deleteAction(1300, 1);
        halo.clearRequests();
        clock.advance(Duration.ofMinutes(30));

        CliRun second = cycleNow();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        // Only the tickets with new actions, and only their actions, were read.
        assertThat(halo.requests().stream().filter(r -> r.endpoint() == Endpoint.TICKETS))
                .allSatisfy(r -> assertThat(r.query())
                        .contains("datesearch=lastactiondate", "startdate=2026-11-01T05%3A50%3A00"));
        assertThat(halo.requests().stream().filter(r -> r.endpoint() == Endpoint.ACTIONS))
                .allSatisfy(r -> assertThat(r.ticketId()).isNotNull());
        assertThat(halo.ticketsWhoseActionsWereRead()).containsExactlyInAnyOrder(1234L, 1234L, 1234L, 1400L, 1400L);
        // Block: 1.5 + 1 + 1.5 + 0.5 = 4.5 h -> 0.5 h x 150.00 = 75.00. The deleted hour is still billed: an
        // incremental read cannot see deletions. 500 + 75 + 465 = 1040.00; tax 85.80.
        JsonNode acme = out().invoiceOf("acme");
        assertThat(acme.get("number").asText()).isEqualTo(number);
        assertThat(Exports.lines(acme))
                .containsExactly(
                        "block 1 x 500.00 = 500.00",
                        "block 0.5 x 150.00 = 75.00",
                        "tm 2 x - = 240.00",
                        "tm 1.25 x - = 225.00");
        assertThat(acme.get("total").asText()).isEqualTo("1125.80");

        // A day after the first (full) read, the next run reads everything again and the deletion is seen.
        clock.advance(Duration.ofHours(23));
        halo.clearRequests();
        CliRun third = cycleNow();
        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(halo.requests().stream().filter(r -> r.endpoint() == Endpoint.ACTIONS))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.ticketId()).isNull());
        // Time and materials: Onsite 2 h x 120.00 = 240.00. 500 + 75 + 240 = 815.00; tax 67.2375 -> 67.24.
        acme = out().invoiceOf("acme");
        assertThat(acme.get("number").asText()).isEqualTo(number);
        assertThat(Exports.lines(acme))
                .containsExactly("block 1 x 500.00 = 500.00", "block 0.5 x 150.00 = 75.00", "tm 2 x - = 240.00");
        assertThat(acme.get("total").asText()).isEqualTo("882.24");
        assertThat(out().invoiceOf("beta").get("total").asText()).isEqualTo("60.00");
    }

    @Test
    void throttled_isRetriedAfterRetryAfter_withTheSameTotals() throws IOException {
        halo.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = halo.requests();
        int throttled = 0;
        for (int i = 0; i + 1 < requests.size(); i++) {
            if (requests.get(i).status() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isPositive();
        assertThat(run.stdout()).contains(throttled + " throttled");
        assertFirstInvoices();
    }

    @Test
    void flakyServerErrors_areRetried_withTheSameTotals() throws IOException {
        halo.mode(Mode.FLAKY_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(halo.requests()).extracting(ServedRequest::status).contains(503);
        assertFirstInvoices();
    }

    @Test
    void tokenExpiringMidRun_isRenewed_withTheSameTotals() throws IOException {
        halo.mode(Mode.TOKEN_EXPIRY);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // 12 data requests at 3 per token.
        assertThat(halo.requests()).extracting(ServedRequest::status).contains(401);
        assertThat(halo.requestCount(Endpoint.TOKEN)).isGreaterThanOrEqualTo(4);
        assertFirstInvoices();
    }

    @Test
    void slowResponses_areWaitedFor_withTheSameTotals() throws IOException {
        halo.mode(Mode.SLOW);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertFirstInvoices();
    }

    @Test
    void failingSource_givesSourceFailed_noZeroInvoice_exitCode3() throws IOException {
        halo.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
        assertThat(out().reconciliation()).containsExactlyInAnyOrder("SOURCE_FAILED acme ", "SOURCE_FAILED beta ");
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        halo.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stderr()).contains("/api/Actions?").contains("page_no=2").containsIgnoringCase("page 2");
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void refusedClientSecret_failsTheSource_withHalosCode_withoutPrintingTheSecret() throws IOException {
        config = writeConfig("a-revoked-secret");
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("invalid_client").doesNotContain("a-revoked-secret");
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
        assertThat(halo.requests()).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo(Endpoint.TOKEN);
            assertThat(r.status()).isEqualTo(400);
        });
    }
}
