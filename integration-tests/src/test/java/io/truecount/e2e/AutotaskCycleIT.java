package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.sim.autotask.AutotaskData;
import io.truecount.sim.autotask.AutotaskSimulator;
import io.truecount.sim.autotask.Endpoint;
import io.truecount.sim.autotask.ServedRequest;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} end to end against the Autotask simulator: zone discovery from a base-url that is only a
 * host, the three headers, companies, time entries in pages of two followed by {@code nextPageUrl} with their
 * tickets, technicians and work types looked up, a block-hours and a time-and-materials contract with rate rules on
 * priority and category, every simulator mode, and a second cycle after the PSA edited, deleted and added entries.
 * Invoices computed by hand.
 */
class AutotaskCycleIT {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    static final long ACME = 174;
    static final long BETA = 175;
    static final long BOB = 176;

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private AutotaskSimulator autotask;
    private Path config;
    // A database per test: stored time entries must not leak from one test's PSA into the next.
    private String jdbcUrl;

    @TempDir
    Path dir;

    /**
     * Acme: Remote Support 3 h (entry 1) and 2.5 h (2) on ticket 7002; Onsite 1.1 h on the Critical ticket 7001 (3);
     * Onsite 0.5 h on the Medium ticket 7002 (4); a non-billable hour (5); September time (6); project time without a
     * ticket (8). Beta: 0.75 h Remote on 7003, whose category is its queue, Service Desk (11); 0.2 h After Hours on
     * the Security ticket 7004 (12). Bob's Bakery is in Autotask but not in the configuration (21).
     */
    static AutotaskData data() {
        return AutotaskData.builder()
                .company(ACME, "Acme Dental")
                .company(BETA, "Beta Law")
                .company(BOB, "Bob's Bakery")
                .ticket(7001, ACME, "Printer offline", 4, 3L)
                .ticket(7002, ACME, "New starter laptop", 2, 1L)
                .ticket(7003, BETA, "VPN drops", 1, null)
                .ticket(7004, BETA, "Phish reported", 3, 4L)
                .ticket(7009, BOB, "Till printer", 2, 1L)
                .entry(1, 7002, "Remote Support", at("2026-10-02T14:00:00Z"), "3", true)
                .entry(2, 7002, "Remote Support", at("2026-10-09T14:00:00Z"), "2.5", true)
                .entry(3, 7001, "Onsite Support", at("2026-10-10T14:00:00Z"), "1.1", true)
                .entry(4, 7002, "Onsite Support", at("2026-10-12T14:00:00Z"), "0.5", true)
                .entry(5, 7002, "Remote Support", at("2026-10-13T14:00:00Z"), "1", false)
                .entry(6, 7001, "Onsite Support", at("2026-09-30T14:00:00Z"), "2", true)
                .taskEntry(8, at("2026-10-14T14:00:00Z"), "4")
                .entry(11, 7003, "Remote Support", at("2026-10-05T15:00:00Z"), "0.75", true)
                .entry(12, 7004, "After Hours Support", at("2026-10-06T23:00:00Z"), "0.2", true)
                .entry(21, 7009, "Remote Support", at("2026-10-07T15:00:00Z"), "1", true)
                .build();
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        jdbcUrl = postgres.freshJdbcUrl("autotask");
    }

    @BeforeEach
    void startSimulator() throws IOException {
        autotask = AutotaskSimulator.builder(data())
                .throttleEvery(3)
                .flakyEvery(3)
                .secretRequestLimit(3)
                .slowDelay(Duration.ofMillis(200))
                .start();
        config = writeConfig(autotask.secret());
    }

    @AfterEach
    void stopSimulator() {
        autotask.close();
    }

    private Path writeConfig(String secret) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/at-secret"), secret + "\n");
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
                  autotask:
                    type: autotask
                    base-url: %s
                    credentials:
                      username: %s
                      secret: "file:secrets/at-secret"
                      integration-code: %s
                    page-size: 2
                    retry: { max-attempts: 3, backoff-millis: 20, max-wait-seconds: 5 }

                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { autotask: "174" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { autotask: "175" }

                contracts:
                  - id: acme-support
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: block, type: block-hours, hours: 5, price: "400.00", overage-rate: "100.00",
                          work-types: [Remote Support] }
                      - { id: tm, type: time-and-materials, default-rate: "120.00",
                          rates: [{ priority: Critical, rate: "180.00" }] }
                  - id: beta-support
                    customer: beta
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: tm, type: time-and-materials, default-rate: "150.00", increment-minutes: 30,
                          rates: [{ category: Security, rate: "200.00" }] }
                """
                        .formatted(autotask.baseUrl(), autotask.username(), autotask.integrationCode());
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

    private Exports out() {
        return new Exports(dir.resolve("out"));
    }

    private void assertHandComputedInvoices() throws IOException {
        // Acme: block 400.00 for 5 h; Remote 3 + 2.5 = 5.5 h, 0.5 h over at 100.00 = 50.00. Time and materials:
        // 1.1 h on the Critical ticket rounds up to 1.25 h at 180.00 = 225.00; 0.5 h on the Medium ticket at the
        // default 120.00 = 60.00. The non-billable hour, September's time and the ticketless project time do not
        // count. 735.00 + 8.25 % tax (60.6375 -> 60.64) = 795.64.
        JsonNode acme = out().invoiceOf("acme");
        assertThat(Exports.lines(acme))
                .containsExactly(
                        "block 1 x 400.00 = 400.00",
                        "block 0.5 x 100.00 = 50.00",
                        "tm 1.25 x - = 225.00",
                        "tm 0.5 x - = 60.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("735.00");
        assertThat(acme.get("tax").asText()).isEqualTo("60.64");
        assertThat(acme.get("total").asText()).isEqualTo("795.64");
        // Beta, in 30-minute increments: 0.75 h -> 1 h at 150.00 (its category is the queue, no rule) = 150.00;
        // 0.2 h on the Security ticket -> 0.5 h at 200.00 = 100.00.
        JsonNode beta = out().invoiceOf("beta");
        assertThat(Exports.lines(beta)).containsExactly("tm 1 x - = 150.00", "tm 0.5 x - = 100.00");
        assertThat(beta.get("total").asText()).isEqualTo("250.00");
    }

    @Test
    void cycle_billsBlockHoursAndTime_asComputedByHand_withinTheHourlyBudget() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertHandComputedInvoices();
        JsonNode tm = out().invoiceOf("acme").get("lines").get(2);
        assertThat(tm.get("sources").findValuesAsText("id")).containsExactly("3");
        assertThat(out().reconciliation()).contains("UNMAPPED_ORGANIZATION - " + BOB);
        // The zone was discovered once, without credentials. Then, in pages of 2: 4 companies (2 requests), the
        // ticket picklists (1), 10 time entries (5), 6 technicians (3), 4 work types (2), and the tickets of each
        // page of entries not read yet (7002; 7001; none; 7003; 7004 and 7009): 4. All counted by the database.
        assertThat(autotask.requestCount(Endpoint.ZONE_INFORMATION)).isEqualTo(1);
        assertThat(autotask.requests()).extracting(ServedRequest::status).containsOnly(200);
        assertThat(autotask.requestCount(Endpoint.COMPANIES)).isEqualTo(2);
        assertThat(autotask.requestCount(Endpoint.TIME_ENTRIES)).isEqualTo(5);
        assertThat(autotask.requestCount(Endpoint.TICKETS)).isEqualTo(4);
        assertThat(autotask.requestsInLastHour()).isEqualTo(17);
    }

    /**
     * Needs the application to keep cursors and apply the id sweep ({@code SyncSink#cursors}, {@code
     * timeEntriesComplete}).
     */
    @Test
    void secondCycle_afterTheTechniciansEditedDeletedAndAddedTime_fetchesOnlyTheChanges_andRebuildsTheInvoices()
            throws Exception {
        assertThat(cycle().exitCode()).isZero();
        String acmeNumber = out().invoiceOf("acme").get("number").asText();

        autotask.editHours(3, "2");
        autotask.delete(2);
        long added = autotask.add(7003, "Remote Support", at("2026-10-20T15:00:00Z"), "0.2");
        autotask.clearRequests();
        CliRun again = cycle();
        assertThat(again.exitCode()).as(again.toString()).isZero();

        // Acme: entry 2 deleted leaves 3 h of Remote, within the block; entry 3 now 2 h x 180.00 = 360.00.
        // 400.00 + 360.00 + 60.00 = 820.00; tax 8.25 % = 67.65; 887.65.
        JsonNode acme = out().invoiceOf("acme");
        assertThat(acme.get("number").asText()).isEqualTo(acmeNumber);
        assertThat(Exports.lines(acme))
                .containsExactly("block 1 x 400.00 = 400.00", "tm 2 x - = 360.00", "tm 0.5 x - = 60.00");
        assertThat(acme.get("total").asText()).isEqualTo("887.65");
        // Beta: the new 0.2 h on 7003 rounds up to 0.5 h: 1.5 h x 150.00 = 225.00, plus 100.00.
        JsonNode beta = out().invoiceOf("beta");
        assertThat(Exports.lines(beta)).containsExactly("tm 1.5 x - = 225.00", "tm 0.5 x - = 100.00");
        assertThat(beta.get("total").asText()).isEqualTo("325.00");

        // Only what changed was read in full; the rest was an id-only sweep from September 30
        // (ten entries are left there: 1, 3, 4, 5, 6, 8, 11, 12, 21 and the new 22), in pages of 2.
        List<ServedRequest> entries = autotask.requests().stream()
                .filter(r -> r.endpoint() == Endpoint.TIME_ENTRIES)
                .toList();
        // The changed entries: 3 (edited) and 22 (added), and project entry 8, whose lastModifiedDateTime is the
        // first run's watermark and is read again in the 5 minutes of overlap; in pages of 2.
        assertThat(entries.stream().filter(r -> r.query().contains("lastModifiedDateTime")))
                .extracting(ServedRequest::items)
                .containsExactly(2, 1);
        assertThat(entries.stream().filter(r -> r.query().contains("\"IncludeFields\":[\"id\"]")))
                .extracting(ServedRequest::items)
                .containsExactly(2, 2, 2, 2, 2);
        assertThat(added).isEqualTo(22);
    }

    @Test
    void throttledDatabase_isWaitedOut_withTheSameInvoices() throws IOException {
        autotask.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = autotask.requests();
        int throttled = 0;
        for (int i = 0; i + 1 < requests.size(); i++) {
            if (requests.get(i).status() == 429) {
                throttled++;
                assertThat(Duration.between(
                                requests.get(i).at(), requests.get(i + 1).at()))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
        assertThat(throttled).isPositive();
        assertThat(run.stdout()).contains(throttled + " throttled");
        assertHandComputedInvoices();
    }

    @Test
    void flakyServerErrors_areRetried_withTheSameInvoices() throws IOException {
        autotask.mode(Mode.FLAKY_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertThat(autotask.requests()).extracting(ServedRequest::status).contains(503);
        assertHandComputedInvoices();
    }

    @Test
    void slowDatabase_isSlowerButTheSame() throws IOException {
        autotask.mode(Mode.SLOW);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertHandComputedInvoices();
    }

    @Test
    void failingDatabase_givesSourceFailed_noInvoice_exitCode3() throws IOException {
        autotask.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
        assertThat(out().reconciliation()).containsExactlyInAnyOrder("SOURCE_FAILED acme ", "SOURCE_FAILED beta ");
    }

    @Test
    void secretRotatedMidRun_failsTheSourceAsACredentialFailure_notAsPartialData() throws IOException {
        autotask.mode(Mode.TOKEN_EXPIRY);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);

        // Header auth has nothing to renew: the first 401 is final, and what was read before it is not billed.
        assertThat(autotask.requests()).extracting(ServedRequest::status).containsOnlyOnce(401);
        assertThat(run.stdout() + run.stderr())
                .contains("Autotask refused the API user")
                .doesNotContain(autotask.secret());
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        autotask.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr())
                .contains("/TimeEntries/query/next?paging=")
                .contains("page 2");
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void refusedSecret_failsTheSource_withoutPrintingIt() throws IOException {
        config = writeConfig("a-revoked-secret");
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("Autotask refused").doesNotContain("a-revoked-secret");
        assertThat(out().read("invoices.json").get("invoices")).isEmpty();
        assertThat(autotask.requests())
                .filteredOn(r -> r.endpoint() != Endpoint.ZONE_INFORMATION)
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(401));
    }
}
