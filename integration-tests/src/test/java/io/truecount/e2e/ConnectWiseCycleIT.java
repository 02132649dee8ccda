package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.connectwise.ConnectWiseConnectorType;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import io.truecount.sim.connectwise.ConnectWiseData;
import io.truecount.sim.connectwise.ConnectWiseSimulator;
import io.truecount.sim.connectwise.Endpoint;
import io.truecount.sim.connectwise.ServedRequest;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} end to end against the ConnectWise PSA simulator: Basic keys with {@code clientId},
 * forward-only pages of two, the ticket join (priority rate rules), block hours with overage and time and materials,
 * every simulator mode, and a re-sync after an edit and a deletion; invoices computed by hand. Each test has its own
 * database, so that cursors and entries stored by one test cannot make another's run incremental.
 */
class ConnectWiseCycleIT {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private ConnectWiseSimulator cw;
    private Path config;
    private String jdbcUrl;

    @TempDir
    Path dir;

    /**
     * Acme (250): Remote 3 h (Oct 2) and 3 h (Oct 9) on ticket 4712; Onsite 1.1 h on the Priority 1 ticket 4711
     * (Oct 10); Onsite 2 h Do Not Bill (Oct 12); Onsite 0.5 h on 4712 (Oct 20); Remote 1 h in September. Beta (251):
     * Remote 0.3 h (Oct 5) and 1 h No Charge (Oct 6). Bob's Bakery (299) is in ConnectWise but not configured.
     * Every entry was last updated in October, well before the syncs.
     */
    static ConnectWiseData data() {
        return ConnectWiseData.builder()
                .company(250, "Acme Dental")
                .company(251, "Beta Law")
                .company(299, "Bob's Bakery")
                .ticket(4711, 250, "Server down", "Priority 1 - Critical", "Network")
                .ticket(4712, 250, "Printer jam", "Priority 3 - Normal", "Hardware")
                .ticket(4800, 251, "New starter", "Priority 3 - Normal", "User Admin")
                .ticket(4900, 299, "Till offline", "Priority 2 - High", "Hardware")
                .entry(
                        101,
                        250,
                        4712,
                        "Remote",
                        "Billable",
                        at("2026-10-02T14:00:00Z"),
                        "3",
                        at("2026-10-02T18:00:00Z"))
                .entry(
                        102,
                        250,
                        4712,
                        "Remote",
                        "Billable",
                        at("2026-10-09T14:00:00Z"),
                        "3",
                        at("2026-10-09T18:00:00Z"))
                .entry(
                        103,
                        250,
                        4711,
                        "Onsite",
                        "Billable",
                        at("2026-10-10T14:00:00Z"),
                        "1.1",
                        at("2026-10-10T16:00:00Z"))
                .entry(
                        104,
                        250,
                        4712,
                        "Onsite",
                        "DoNotBill",
                        at("2026-10-12T14:00:00Z"),
                        "2",
                        at("2026-10-12T17:00:00Z"))
                .entry(
                        105,
                        250,
                        4712,
                        "Onsite",
                        "Billable",
                        at("2026-10-20T14:00:00Z"),
                        "0.5",
                        at("2026-10-20T15:00:00Z"))
                .entry(
                        106,
                        250,
                        4712,
                        "Remote",
                        "Billable",
                        at("2026-09-20T14:00:00Z"),
                        "1",
                        at("2026-09-20T16:00:00Z"))
                .entry(
                        201,
                        251,
                        4800,
                        "Remote",
                        "Billable",
                        at("2026-10-05T14:00:00Z"),
                        "0.3",
                        at("2026-10-05T15:00:00Z"))
                .entry(
                        202,
                        251,
                        4800,
                        "Remote",
                        "NoCharge",
                        at("2026-10-06T14:00:00Z"),
                        "1",
                        at("2026-10-06T15:00:00Z"))
                .entry(
                        901,
                        299,
                        4900,
                        "Onsite",
                        "Billable",
                        at("2026-10-07T14:00:00Z"),
                        "2",
                        at("2026-10-07T17:00:00Z"))
                .build();
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        jdbcUrl = postgres.freshJdbcUrl("cw");
    }

    @BeforeEach
    void startSimulator() throws IOException {
        cw = ConnectWiseSimulator.builder(data())
                .throttleEvery(3)
                .authBlipEvery(4)
                .slowDelay(Duration.ofMillis(150))
                .start();
        config = writeConfig(cw.privateKey(), "");
    }

    @AfterEach
    void stopSimulator() {
        cw.close();
    }

    /**
     * The connector is called {@code psa}: {@link LicencesAndTimeCycleIT} leaves the fixture property of a
     * {@code cw} connector set in this JVM, which would swap the real connector for its fixture.
     *
     * @param extraOptions more connector options, each line indented by four spaces
     */
    private Path writeConfig(String privateKey, String extraOptions) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/cw-private"), privateKey + "\n");
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
                  psa:
                    type: connectwise-manage
                    base-url: %s
                    credentials:
                      company: %s
                      public-key: %s
                      private-key: "file:secrets/cw-private"
                      client-id: %s
                    page-size: 2
                    retry: { max-attempts: 3, backoff-millis: 20, max-wait-seconds: 5 }
                %s
                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { psa: "250" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { psa: "251" }

                contracts:
                  - id: acme-support
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: block, type: block-hours, hours: 5, price: "400.00", overage-rate: "100.00",
                          work-types: [Remote] }
                      - { id: tm, type: time-and-materials, default-rate: "120.00", increment-minutes: 15,
                          rates: [{ priority: "Priority 1 - Critical", rate: "180.00" }] }
                  - id: beta-support
                    customer: beta
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: tm, type: time-and-materials, default-rate: "100.00" }
                """
                        .formatted(cw.apiUrl(), cw.company(), cw.publicKey(), cw.clientId(), extraOptions);
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

    private JsonNode read(String file) throws IOException {
        return JSON.readTree(dir.resolve("out").resolve(file).toFile());
    }

    /** Acme and Beta billed as computed by hand in {@link #cycle_billsBlockHoursAndTimeAsComputedByHand}. */
    private void assertHandComputedTotals() throws IOException {
        JsonNode invoices = read("invoices.json");
        assertThat(Exports.invoiceOf(invoices, "acme").get("total").asText()).isEqualTo("849.76");
        assertThat(Exports.invoiceOf(invoices, "beta").get("total").asText()).isEqualTo("50.00");
    }

    @Test
    void cycle_billsBlockHoursAndTimeAsComputedByHand() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode invoices = read("invoices.json");
        assertThat(invoices.get("invoices")).hasSize(2);
        // Acme: Remote 3 + 3 = 6 h against a block of 5: the block, and 1 h overage at 100.00. Time and materials,
        // in work-date order: 1.1 h on the Priority 1 ticket -> 1.25 h at 180.00 = 225.00; 0.5 h at 120.00 = 60.00.
        // Do Not Bill and September time are not billed. 785.00 + 8.25 % (64.7625 -> 64.76) = 849.76.
        JsonNode acme = Exports.invoiceOf(invoices, "acme");
        assertThat(Exports.lines(acme))
                .containsExactly(
                        "block 1 x 400.00 = 400.00",
                        "block 1 x 100.00 = 100.00",
                        "tm 1.25 x - = 225.00",
                        "tm 0.5 x - = 60.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("785.00");
        assertThat(acme.get("tax").asText()).isEqualTo("64.76");
        assertThat(acme.get("total").asText()).isEqualTo("849.76");
        // The ticket's summary came from /service/tickets.
        assertThat(acme.get("lines").get(2).get("description").asText()).contains("Ticket #4711 Server down");
        assertThat(acme.get("lines").get(2).get("sources").findValuesAsText("id"))
                .containsExactly("103");

        // Beta: 0.3 h rounds up to 0.5 h at 100.00; No Charge time is not billed; zero-rated.
        JsonNode beta = Exports.invoiceOf(invoices, "beta");
        assertThat(Exports.lines(beta)).containsExactly("tm 0.5 x - = 50.00");
        assertThat(beta.get("total").asText()).isEqualTo("50.00");

        assertThat(new Exports(dir.resolve("out")).reconciliation()).contains("UNMAPPED_ORGANIZATION - 299");
        // Every request carried the keys and clientId (else 401); companies in 2 pages, 9 entries in 5.
        assertThat(cw.requests()).extracting(ServedRequest::status).containsOnly(200);
        assertThat(cw.requestCount(Endpoint.COMPANIES)).isEqualTo(2);
        assertThat(cw.requestCount(Endpoint.TIME_ENTRIES)).isEqualTo(5);
    }

    @Test
    void throttled_isRetriedAfterTheDelayItAskedFor_withTheSameTotals() throws IOException {
        cw.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = cw.requests();
        int throttled = 0;
        for (int i = 0; i + 1 < requests.size(); i++) {
            if (requests.get(i).status() == 429) {
                throttled++;
                Duration waited = Duration.between(
                        requests.get(i).at(), requests.get(i + 1).at());
                assertThat(waited).as("wait after 429 #" + throttled).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
        assertThat(throttled).isPositive();
        assertHandComputedTotals();
    }

    @Test
    void flakyServerErrors_areRetried_withTheSameTotals() throws IOException {
        cw.mode(Mode.FLAKY_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(cw.requests()).extracting(ServedRequest::status).contains(503);
        assertHandComputedTotals();
    }

    @Test
    void aLone401NowAndThen_isRepeatedWithTheSameKeys_withTheSameTotals() throws IOException {
        cw.mode(Mode.TOKEN_EXPIRY);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(cw.requests()).extracting(ServedRequest::status).contains(401);
        assertHandComputedTotals();
    }

    @Test
    void slowResponses_stillBill_theSameTotals() throws IOException {
        cw.mode(Mode.SLOW);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertHandComputedTotals();
    }

    @Test
    void failingSource_givesSourceFailed_noZeroInvoice_exitCode3() throws IOException {
        cw.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(new Exports(dir.resolve("out")).reconciliation())
                .containsExactlyInAnyOrder("SOURCE_FAILED acme ", "SOURCE_FAILED beta ");
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        cw.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stderr()).contains("/time/entries").containsIgnoringCase("page 2");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void refusedKeys_failTheSource_withoutPrintingThePrivateKey() throws IOException {
        config = writeConfig("a-revoked-private-key", "");
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("401").doesNotContain("a-revoked-private-key");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        // The first 401 is repeated once with the same keys, then the source fails.
        assertThat(cw.requests()).hasSize(2);
    }

    /**
     * The second sync after one edit and one deletion, end to end. It needs the application to keep cursors between
     * runs (the {@code sync_cursor} storage of migration V3, without which every run is a full read and the id sweep
     * is ignored) and, after November 2026, to pass the connector's {@code sweep-months} option through from the YAML.
     */
    @Test
    void reSync_afterAnEditAndADeletion_changesTheInvoiceExactly_andFetchesOnlyTheChangedEntry() throws IOException {
        // The sweep must reach back to October whatever today's date is; the default (1) does in November 2026.
        long months = ChronoUnit.MONTHS.between(YearMonth.of(2026, 10), YearMonth.now(ZoneOffset.UTC));
        config = writeConfig(cw.privateKey(), months > 1 ? "    sweep-months: " + months : "");
        CliRun validate = CliRun.of("validate", "--config", config.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        CliRun first = cycle();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertHandComputedTotals();
        String number =
                Exports.invoiceOf(read("invoices.json"), "acme").get("number").asText();

        cw.editEntry(105, new BigDecimal("1"));
        cw.deleteEntry(102);
        cw.clearRequests();
        CliRun second = cycle();
        assertThat(second.exitCode()).as(second.toString()).isZero();

        // Remote is now 3 h, inside the block; the Onsite entry on 4712 is 1 h at 120.00.
        // 745.00 + 8.25 % (61.4625 -> 61.46) = 806.46.
        JsonNode acme = Exports.invoiceOf(read("invoices.json"), "acme");
        assertThat(acme.get("number").asText()).isEqualTo(number);
        assertThat(Exports.lines(acme))
                .containsExactly("block 1 x 400.00 = 400.00", "tm 1.25 x - = 225.00", "tm 1 x - = 120.00");
        assertThat(acme.get("total").asText()).isEqualTo("806.46");
        assertOnlyTheChangeWasFetched(cw.requests());
    }

    /**
     * The same re-sync at the connector level, with a sink that keeps cursors as the application will: the second run
     * asks only for entries updated since the first, receives the edited one, and sweeps ids to find the deleted one.
     */
    @Test
    void reSync_ofTheConnector_fetchesOnlyTheChangedEntry_andSweepsIdsForDeletions() throws Exception {
        Instant now = Instant.parse("2026-11-02T09:00:00Z");
        try (ConnectWiseSimulator psa = ConnectWiseSimulator.builder(data())
                        .clock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now)))
                        .start();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            SourceConnector connector = new ConnectWiseConnectorType()
                    .createSource(settings(psa), new ConnectorRuntime(camel, Clock.fixed(now, ZoneOffset.UTC)));
            CursorSink first = new CursorSink(Map.of());
            connector.sync(first, new SyncStats());
            assertThat(first.entries).hasSize(9);
            assertThat(first.complete).containsExactly(Instant.EPOCH);

            psa.editEntry(105, new BigDecimal("1"));
            psa.deleteEntry(102);
            psa.clearRequests();
            CursorSink second = new CursorSink(first.saved);
            connector.sync(second, new SyncStats());

            assertThat(second.entries).extracting(TimeEntry::externalId).containsExactly("105");
            assertThat(second.entries.get(0).hours()).isEqualByComparingTo("1");
            assertThat(second.seen).doesNotContain("102").contains("101", "103", "105", "201", "901");
            assertThat(second.complete).containsExactly(Instant.parse("2026-10-01T00:00:00Z"));
            assertThat(Instant.parse(second.saved.get("lastUpdated")))
                    .isAfter(Instant.parse(first.saved.get("lastUpdated")));
            assertOnlyTheChangeWasFetched(psa.requests());
        }
    }

    /** Whole entries were read only under the watermark, one in all; everything else was the id-only sweep. */
    private static void assertOnlyTheChangeWasFetched(List<ServedRequest> requests) {
        List<ServedRequest> bodies =
                requests.stream().filter(ServedRequest::readsEntryBodies).toList();
        assertThat(bodies).isNotEmpty().allSatisfy(r -> assertThat(r.conditions())
                .startsWith("lastUpdated > ["));
        assertThat(bodies.stream().mapToInt(ServedRequest::records).sum()).isEqualTo(1);
        List<ServedRequest> sweep = requests.stream()
                .filter(r -> r.endpoint() == Endpoint.TIME_ENTRIES && !r.readsEntryBodies())
                .toList();
        assertThat(sweep).isNotEmpty().allSatisfy(r -> assertThat(r.conditions())
                .startsWith("timeStart >= ["));
    }

    private static ConnectorSettings settings(ConnectWiseSimulator psa) {
        Map<String, Secret> credentials = Map.of(
                "company", new Secret(psa.company(), "test"),
                "public-key", new Secret(psa.publicKey(), "test"),
                "private-key", new Secret(psa.privateKey(), "test"),
                "client-id", new Secret(psa.clientId(), "test"));
        return new ConnectorSettings(
                "cw",
                "connectwise-manage",
                URI.create(psa.apiUrl()),
                null,
                credentials,
                null,
                null,
                Map.of(),
                null,
                Map.of("page-size", "2", "retry.backoff-millis", "20"));
    }

    /** Keeps what a run delivers and the cursors it saves, handing out those of the previous run. */
    private static final class CursorSink implements SyncSink {
        final List<TimeEntry> entries = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        final List<Instant> complete = new ArrayList<>();
        final Map<String, String> saved = new HashMap<>();
        private final Map<String, String> previous;

        CursorSink(Map<String, String> previous) {
            this.previous = Map.copyOf(previous);
        }

        @Override
        public void organizations(List<ExternalOrganization> page) {}

        @Override
        public void assets(List<AssetObservation> page) {}

        @Override
        public void timeEntries(List<TimeEntry> page) {
            entries.addAll(page);
        }

        @Override
        public void timeEntriesSeen(List<String> externalIds) {
            seen.addAll(externalIds);
        }

        @Override
        public void timeEntriesComplete(Instant from) {
            complete.add(from);
        }

        @Override
        public Map<String, String> cursors() {
            return previous;
        }

        @Override
        public void saveCursor(String key, String value) {
            saved.put(key, value);
        }
    }
}
