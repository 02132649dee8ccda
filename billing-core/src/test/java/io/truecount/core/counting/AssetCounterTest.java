package io.truecount.core.counting;

import static io.truecount.core.Fixtures.device;
import static io.truecount.core.Fixtures.fromConnector;
import static io.truecount.core.observation.AssetClass.SERVER;
import static io.truecount.core.observation.AssetClass.WORKSTATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetCounterTest {

    private static final Instant AS_OF = Instant.parse("2026-10-31T23:59:59Z");
    private static final Instant RECENT = Instant.parse("2026-10-30T10:00:00Z");

    private final AssetCounter counter = new AssetCounter(List.of(
            new SourcePolicy("ninja", 0, Duration.ofDays(30)), new SourcePolicy("datto", 1, Duration.ofDays(30))));

    private static List<String> ids(List<AssetObservation> assets) {
        return assets.stream().map(AssetObservation::externalId).toList();
    }

    @Test
    void staleAsset_notSeenWithinTheWindow_isNotCountedButReported() {
        AssetObservation stale = device("12", "2", WORKSTATION, "S2", Instant.parse("2026-09-01T00:00:00Z"));
        AssetCount count = counter.count(List.of(device("12", "1", WORKSTATION, "S1", RECENT), stale), AS_OF);
        assertThat(ids(count.counted())).containsExactly("1");
        assertThat(count.stale()).containsExactly(stale);
    }

    @Test
    void staleWindow_isInclusiveOfTheCutOffInstant() {
        AssetObservation atCutOff = device("12", "1", WORKSTATION, "S1", AS_OF.minus(Duration.ofDays(30)));
        AssetObservation justBefore = device(
                "12", "2", WORKSTATION, "S2", AS_OF.minus(Duration.ofDays(30)).minusSeconds(1));
        AssetCount count = counter.count(List.of(atCutOff, justBefore), AS_OF);
        assertThat(ids(count.counted())).containsExactly("1");
        assertThat(ids(count.stale())).containsExactly("2");
    }

    @Test
    void neverSeenAsset_isStale() {
        AssetCount count = counter.count(List.of(device("12", "1", WORKSTATION, "S1", null)), AS_OF);
        assertThat(count.counted()).isEmpty();
        assertThat(count.stale()).hasSize(1);
    }

    @Test
    void unmanagedAsset_isNeitherCountedNorReported() {
        AssetObservation d = device("12", "1", WORKSTATION, "S1", RECENT);
        AssetObservation pending = new AssetObservation(
                d.connectorId(),
                d.organizationId(),
                d.externalId(),
                d.name(),
                d.assetClass(),
                d.sourceClass(),
                false,
                d.serialNumber(),
                d.macAddresses(),
                d.created(),
                d.lastSeen());
        AssetCount count = counter.count(List.of(pending), AS_OF);
        assertThat(count.counted()).isEmpty();
        assertThat(count.stale()).isEmpty();
        assertThat(count.duplicates()).isEmpty();
    }

    @Test
    void assetCreatedAfterTheAsOfInstant_didNotExistYet() {
        AssetObservation d = device("12", "1", WORKSTATION, "S1", RECENT);
        AssetObservation future = new AssetObservation(
                d.connectorId(),
                d.organizationId(),
                d.externalId(),
                d.name(),
                d.assetClass(),
                d.sourceClass(),
                true,
                d.serialNumber(),
                d.macAddresses(),
                AS_OF.plusSeconds(60),
                AS_OF.plusSeconds(120));
        assertThat(counter.count(List.of(future), AS_OF).counted()).isEmpty();
    }

    @Test
    void duplicateBySerial_trimmedAndCaseInsensitive_countsOnce_keepingTheMostRecentlySeen() {
        AssetObservation older = device("12", "1", WORKSTATION, "abc-123 ", Instant.parse("2026-10-20T00:00:00Z"));
        AssetObservation newer = device("12", "2", WORKSTATION, "ABC-123", RECENT);
        AssetCount count = counter.count(List.of(older, newer), AS_OF);
        assertThat(ids(count.counted())).containsExactly("2");
        assertThat(count.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.asset()).isEqualTo(older);
            assertThat(d.keptAs()).isEqualTo(newer);
            assertThat(d.matchedBy()).isEqualTo("serial");
            assertThat(d.value()).isEqualTo("ABC-123");
        });
    }

    @Test
    void duplicateByMac_whenOneLacksASerial_macFormatsNormalised() {
        AssetObservation withSerial = device("12", "1", WORKSTATION, "S1", RECENT, "00:11:22:33:44:55");
        AssetObservation noSerial = device("12", "2", WORKSTATION, null, RECENT, "00-11-22-33-44-55");
        AssetCount count = counter.count(List.of(withSerial, noSerial), AS_OF);
        assertThat(count.counted()).hasSize(1);
        assertThat(count.duplicates()).singleElement().satisfies(d -> assertThat(d.matchedBy())
                .isEqualTo("mac"));
    }

    @Test
    void sameMac_butDifferentSerials_areTwoDevices() {
        // A docking station's MAC follows the laptop that uses it: serials are the stronger identity.
        AssetCount count = counter.count(
                List.of(
                        device("12", "1", WORKSTATION, "S1", RECENT, "00:11:22:33:44:55"),
                        device("12", "2", WORKSTATION, "S2", RECENT, "00:11:22:33:44:55")),
                AS_OF);
        assertThat(count.counted()).hasSize(2);
    }

    @Test
    void placeholderSerials_areNotIdentities() {
        AssetCount count = counter.count(
                List.of(
                        device("12", "1", WORKSTATION, "To Be Filled By O.E.M.", RECENT, "00:11:22:33:44:01"),
                        device("12", "2", WORKSTATION, "To Be Filled By O.E.M.", RECENT, "00:11:22:33:44:02")),
                AS_OF);
        assertThat(count.counted()).hasSize(2);
        assertThat(count.duplicates()).isEmpty();
    }

    @Test
    void duplicateAcrossConnectors_keepsTheRecordOfTheConnectorListedFirst_andItsClass() {
        AssetObservation fromDatto = fromConnector("datto", device("12", "d1", WORKSTATION, "S1", RECENT));
        AssetObservation fromNinja = device("12", "n1", SERVER, "S1", Instant.parse("2026-10-29T00:00:00Z"));
        AssetCount count = counter.count(List.of(fromDatto, fromNinja), AS_OF);
        assertThat(count.counted()).containsExactly(fromNinja);
        assertThat(count.byClass()).isEqualTo(Map.of(AssetClass.SERVER, 1L));
    }

    @Test
    void staleDuplicate_isReportedStale_notDuplicate() {
        AssetObservation live = device("12", "1", WORKSTATION, "S1", RECENT);
        AssetObservation old = device("12", "2", WORKSTATION, "S1", Instant.parse("2026-06-01T00:00:00Z"));
        AssetCount count = counter.count(List.of(live, old), AS_OF);
        assertThat(count.counted()).containsExactly(live);
        assertThat(count.stale()).containsExactly(old);
        assertThat(count.duplicates()).isEmpty();
    }

    @Test
    void byClass_andOf_countBillableAssetsPerClass() {
        AssetCount count = counter.count(
                List.of(
                        device("12", "1", WORKSTATION, "S1", RECENT),
                        device("12", "2", WORKSTATION, "S2", RECENT),
                        device("12", "3", SERVER, "S3", RECENT)),
                AS_OF);
        assertThat(count.byClass()).isEqualTo(Map.of(WORKSTATION, 2L, SERVER, 1L));
        assertThat(count.of(List.of(WORKSTATION, SERVER))).isEqualByComparingTo("3");
    }
}
