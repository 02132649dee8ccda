package io.truecount.sim.msp;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.counting.AssetCount;
import io.truecount.core.counting.AssetCounter;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counts the generated devices the way CONFIG.md says and checks the generator's claims against that count. */
class DeviceTruthTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T12:00:00Z");

    /** What CONFIG.md's counting yields for one customer. */
    private record Count(Map<AssetClass, Integer> billable, int stale, int duplicates) {}

    @ParameterizedTest
    @ValueSource(ints = {8, 30, 44})
    void billableStaleAndDuplicateCounts_matchCountingTheDevices(int staleAfterDays) {
        for (long seed : new long[] {1, 42, 977}) {
            SampleMsp msp = SampleMsp.generate(seed, 30, AS_OF);
            for (SampleCustomer customer : msp.customers()) {
                Count count = count(msp.organizationOf(customer).devices(), Duration.ofDays(staleAfterDays));
                DeviceTruth truth = customer.truth();

                assertThat(count.billable())
                        .as("%s seed %d", customer.id(), seed)
                        .isEqualTo(truth.billable());
                assertThat(count.stale()).as("stale of %s", customer.id()).isEqualTo(truth.stale());
                assertThat(count.duplicates())
                        .as("duplicates of %s", customer.id())
                        .isEqualTo(truth.duplicates());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 977})
    void billingCoreCounter_agreesWithTheTruth_recordForRecord(long seed) {
        SampleMsp msp = SampleMsp.generate(seed, 30, AS_OF);
        AssetCounter counter = new AssetCounter(List.of(new SourcePolicy("ninja", 0, Duration.ofDays(30))));

        for (SampleCustomer customer : msp.customers()) {
            List<AssetObservation> observations = msp.organizationOf(customer).devices().stream()
                    .map(DeviceTruthTest::observation)
                    .toList();
            AssetCount count = counter.count(observations, AS_OF);
            DeviceTruth truth = customer.truth();

            for (AssetClass assetClass : AssetClass.values()) {
                assertThat(count.counted().stream()
                                .filter(a -> a.assetClass() == assetClass)
                                .count())
                        .as("%s %s", customer.id(), assetClass)
                        .isEqualTo(truth.billable(assetClass));
            }
            assertThat(count.stale())
                    .extracting(a -> Long.parseLong(a.externalId()))
                    .containsExactlyInAnyOrderElementsOf(truth.staleIds());
            assertThat(count.duplicates())
                    .extracting(d -> Map.entry(
                            Long.parseLong(d.asset().externalId()),
                            Long.parseLong(d.keptAs().externalId())))
                    .containsExactlyInAnyOrderElementsOf(truth.duplicateOf().entrySet());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 977})
    void staleDevices_wereLastSeen45To200DaysAgo(long seed) {
        SampleMsp msp = SampleMsp.generate(seed, 30, AS_OF);
        Map<Long, SampleDevice> devices = byId(msp);

        for (SampleCustomer customer : msp.customers()) {
            for (long id : customer.truth().staleIds()) {
                SampleDevice device = devices.get(id);
                assertThat(device.approvalStatus()).isEqualTo("APPROVED");
                assertThat(device.organizationId()).isEqualTo(customer.ninjaOrganizationId());
                assertThat(Duration.between(device.lastContact(), AS_OF))
                        .isBetween(Duration.ofDays(45), Duration.ofDays(200));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 977})
    void duplicates_shareASerialOrLackingOneAMac_andTheNewAgentIsSeenLater(long seed) {
        SampleMsp msp = SampleMsp.generate(seed, 30, AS_OF);
        Map<Long, SampleDevice> devices = byId(msp);

        for (SampleCustomer customer : msp.customers()) {
            customer.truth().duplicateOf().forEach((oldId, newId) -> {
                SampleDevice old = devices.get(oldId);
                SampleDevice current = devices.get(newId);
                assertThat(List.of(old.organizationId(), current.organizationId()))
                        .containsOnly(customer.ninjaOrganizationId());
                assertThat(current.serialNumber()).isEqualTo(old.serialNumber());
                if (old.serialNumber().isEmpty()) {
                    assertThat(current.macAddresses()).containsAnyElementsOf(old.macAddresses());
                }
                assertThat(current.uid()).isNotEqualTo(old.uid());
                assertThat(current.lastContact()).isAfter(old.lastContact());
                assertThat(current.created()).isAfter(old.lastContact());
            });
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 977})
    void pendingDevices_arePending(long seed) {
        SampleMsp msp = SampleMsp.generate(seed, 30, AS_OF);
        Map<Long, SampleDevice> devices = byId(msp);

        assertThat(msp.customers()).allSatisfy(c -> assertThat(c.truth().pendingIds())
                .allMatch(id -> devices.get(id).approvalStatus().equals("PENDING")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 977})
    void msp_hasEveryKindOfCountingProblem(long seed) {
        List<DeviceTruth> truths = SampleMsp.generate(seed, 40, AS_OF).customers().stream()
                .map(SampleCustomer::truth)
                .toList();

        assertThat(truths.stream().mapToInt(DeviceTruth::stale).sum()).isGreaterThan(10);
        assertThat(truths.stream().mapToInt(DeviceTruth::duplicates).sum()).isGreaterThan(5);
        assertThat(truths.stream().mapToInt(DeviceTruth::pending).sum()).isPositive();
        assertThat(truths)
                .anySatisfy(t -> assertThat(t.billable(AssetClass.NETWORK)).isPositive());
    }

    /** CONFIG.md, Counting: approved, seen within the window, one per serial (trimmed, any case) or, lacking one, MAC. */
    private static Count count(List<SampleDevice> devices, Duration staleAfter) {
        Map<AssetClass, Integer> billable = new EnumMap<>(AssetClass.class);
        for (AssetClass assetClass : AssetClass.values()) {
            billable.put(assetClass, 0);
        }
        int stale = 0;
        int duplicates = 0;
        Set<String> identities = new HashSet<>();
        for (SampleDevice device : devices) {
            if (!device.approvalStatus().equals("APPROVED")) {
                continue;
            }
            if (device.lastContact().isBefore(AS_OF.minus(staleAfter))) {
                stale++;
                continue;
            }
            List<String> keys = identityKeys(device);
            if (keys.stream().anyMatch(identities::contains)) {
                duplicates++;
                continue;
            }
            identities.addAll(keys);
            billable.merge(classOf(device.nodeClass()), 1, Integer::sum);
        }
        return new Count(billable, stale, duplicates);
    }

    private static List<String> identityKeys(SampleDevice device) {
        String serial = device.serialNumber().trim().toUpperCase(Locale.ROOT);
        if (!serial.isEmpty()) {
            return List.of("serial:" + serial);
        }
        List<String> keys = new ArrayList<>();
        device.macAddresses()
                .forEach(mac ->
                        keys.add("mac:" + mac.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT)));
        return keys;
    }

    /** CONFIG.md's default NinjaOne class map, written out again so the generator's copy is checked, not reused. */
    private static AssetClass classOf(String nodeClass) {
        return switch (nodeClass) {
            case "WINDOWS_SERVER",
                    "LINUX_SERVER",
                    "MAC_SERVER",
                    "HYPERV_VMM_HOST",
                    "VMWARE_VM_HOST",
                    "HYPERV_VMM_GUEST",
                    "VMWARE_VM_GUEST" -> AssetClass.SERVER;
            case "WINDOWS_WORKSTATION", "LINUX_WORKSTATION", "MAC" -> AssetClass.WORKSTATION;
            case "ANDROID", "APPLE_IOS", "APPLE_IPADOS" -> AssetClass.MOBILE;
            default -> nodeClass.startsWith("NMS_") ? AssetClass.NETWORK : AssetClass.OTHER;
        };
    }

    private static AssetObservation observation(SampleDevice d) {
        return new AssetObservation(
                "ninja",
                String.valueOf(d.organizationId()),
                String.valueOf(d.id()),
                d.systemName(),
                NinjaClasses.classOf(d.nodeClass()),
                d.nodeClass(),
                d.approvalStatus().equals("APPROVED"),
                d.serialNumber(),
                d.macAddresses(),
                d.created(),
                d.lastContact());
    }

    private static Map<Long, SampleDevice> byId(SampleMsp msp) {
        return msp.devices().stream().collect(Collectors.toMap(SampleDevice::id, Function.identity()));
    }
}
