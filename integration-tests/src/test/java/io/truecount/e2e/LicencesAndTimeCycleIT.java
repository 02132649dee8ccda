package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.e2e.fixture.FixtureSourceType;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} with licences, users and time entries stored through the real sync path and PostgreSQL:
 * Microsoft 365 and ConnectWise are played by {@link FixtureSourceType} until their connectors exist, NinjaOne by its
 * simulator. Amounts are computed by hand in the comments.
 */
class LicencesAndTimeCycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private NinjaOneSimulator ninja;
    private Path config;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        ninja = NinjaOneSimulator.builder(SmallMsp.data()).start();
        Path small = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
        Files.writeString(
                dir.resolve("m365.yaml"),
                """
                organizations: [tenant-d]
                licenses:
                  - { org: tenant-d, sku: SPE_E3, assigned: 12, purchased: 15 }
                users:
                  - { org: tenant-d, upn: ann@delta.com, skus: [SPE_E3] }
                  - { org: tenant-d, upn: bob@delta.com, skus: [SPE_E3] }
                  - { org: tenant-d, upn: svc-backup@delta.com, skus: [SPE_E3] }
                  - { org: tenant-d, upn: cat@delta.com, enabled: false, skus: [SPE_E3] }
                """);
        writeTime(true, "1.1");
        String yaml = Files.readString(small)
                        .replace(
                                "customers:\n",
                                """
                          m365:
                            type: microsoft-graph
                            credentials: { client-id: "${M365_ID:-fixture}", client-secret: "${M365_SECRET:-fixture}" }
                          cw:
                            type: connectwise-manage
                            base-url: https://cw.example.com/v4_6_release/apis/3.0
                            credentials:
                              company: "${CW_COMPANY:-fixture}"
                              public-key: "${CW_PUBLIC:-fixture}"
                              private-key: "${CW_PRIVATE:-fixture}"
                              client-id: "${CW_CLIENT:-fixture}"

                        customers:
                          delta:
                            name: Delta Dental
                            tax: { rate: "8.25", category: S }
                            address: { line1: 3 Oak Ave, city: Springfield }
                            sources: { m365: tenant-d, cw: "19" }
                        """)
                + """
                  - id: delta-m365
                    customer: delta
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: e3, type: per-license, sku: SPE_E3, count: assigned, unit-price: "36.00" }
                      - { id: users, type: per-user, unit-price: "5.00", exclude-upn: ["svc-*@delta.com"] }
                  - id: delta-support
                    customer: delta
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: block, type: block-hours, hours: 5, price: "400.00", overage-rate: "100.00", work-types: [Remote] }
                      - { id: tm, type: time-and-materials, default-rate: "120.00" }
                """;
        System.setProperty(
                FixtureSourceType.PROPERTY + "m365", dir.resolve("m365.yaml").toString());
        System.setProperty(
                FixtureSourceType.PROPERTY + "cw", dir.resolve("cw.yaml").toString());
        config = dir.resolve("truecount.yaml");
        Files.writeString(config, yaml);
    }

    /** The PSA's time entries; the second sync may see one edited and one deleted. */
    private void writeTime(boolean withR2, String onsiteHours) throws IOException {
        Files.writeString(
                dir.resolve("cw.yaml"),
                """
                organizations: ["19"]
                time-entries:
                  - { org: "19", id: r1, ticket: "7001", work-type: Remote, start: 2026-10-02T14:00:00Z, hours: "3" }
                %s
                  - { org: "19", id: o1, ticket: "7003", title: Switch swap, work-type: Onsite, start: 2026-10-10T14:00:00Z, hours: "%s" }
                deleted-time-entries: [%s]
                """
                        .formatted(
                                withR2
                                        ? "  - { org: \"19\", id: r2, ticket: \"7002\", work-type: Remote, start: 2026-10-09T14:00:00Z, hours: \"3\" }"
                                        : "",
                                onsiteHours,
                                withR2 ? "" : "r2"));
    }

    @AfterEach
    void stopSimulator() {
        ninja.close();
        // The properties are JVM-wide: left set, they would turn other tests' m365 and cw connectors into fixtures.
        System.clearProperty(FixtureSourceType.PROPERTY + "m365");
        System.clearProperty(FixtureSourceType.PROPERTY + "cw");
    }

    private CliRun cycle() {
        return CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                "2026-10",
                "--as-of",
                SmallMsp.AS_OF.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--db",
                postgres.jdbcUrl());
    }

    private JsonNode delta() throws IOException {
        return new Exports(dir.resolve("out")).invoiceOf("delta");
    }

    @Test
    void licencesUsersBlockHoursAndTime_areBilledAsComputedByHand_andTraceToTheirRecords() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode delta = delta();
        assertThat(Exports.lines(delta))
                .containsExactly(
                        "e3 12 x 36.00 = 432.00",
                        // ann and bob: svc-backup is excluded, cat is disabled
                        "users 2 x 5.00 = 10.00",
                        "block 1 x 400.00 = 400.00",
                        // 6 h of Remote against 5 included
                        "block 1 x 100.00 = 100.00",
                        // 1.1 h -> 1.25 h at 120.00
                        "tm 1.25 x - = 150.00");
        // 1092.00 x 8.25 % = 90.09
        assertThat(delta.get("subtotal").asText()).isEqualTo("1092.00");
        assertThat(delta.get("tax").asText()).isEqualTo("90.09");
        assertThat(delta.get("total").asText()).isEqualTo("1182.09");

        JsonNode users = delta.get("lines").get(1).get("sources");
        assertThat(users.findValuesAsText("id")).containsExactly("ann@delta.com", "bob@delta.com");
        JsonNode time = delta.get("lines").get(4).get("sources");
        assertThat(time.findValuesAsText("id")).containsExactly("o1");
        assertThat(time.get(0).get("type").asText()).isEqualTo("time-entry");

        List<String> unused = new ArrayList<>();
        for (JsonNode item :
                JSON.readTree(dir.resolve("out/reconciliation.json").toFile()).get("items")) {
            if (item.get("kind").asText().equals("UNUSED_LICENSES")) {
                unused.add(item.get("customer").asText() + " " + item.get("sku").asText() + " "
                        + item.get("unused").asText() + " "
                        + item.get("billedBy").asText());
            }
        }
        assertThat(unused).containsExactly("delta SPE_E3 3 delta-m365/e3");
    }

    @Test
    void editedAndDeletedTimeEntries_rebuildTheDraftUnderItsNumber() throws IOException {
        assertThat(cycle().exitCode()).isZero();
        String number = delta().get("number").asText();

        writeTime(false, "2");
        CliRun again = cycle();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode delta = delta();
        assertThat(delta.get("number").asText()).isEqualTo(number);
        // r2 deleted: 3 h of Remote, no overage; o1 now 2 h x 120.00
        assertThat(Exports.lines(delta))
                .containsExactly(
                        "e3 12 x 36.00 = 432.00",
                        "users 2 x 5.00 = 10.00",
                        "block 1 x 400.00 = 400.00",
                        "tm 2 x - = 240.00");
        // 1082.00 x 8.25 % = 89.265 -> 89.27
        assertThat(delta.get("total").asText()).isEqualTo("1171.27");
    }
}
