package io.truecount.sim.msp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleMspTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T12:00:00Z");
    private static SampleMsp demo;

    @BeforeAll
    static void generate() {
        demo = SampleMsp.generate(42, 40, AS_OF);
    }

    @Test
    void sameSeed_generatesTheSameMsp() {
        assertThat(SampleMsp.generate(42, 40, AS_OF)).isEqualTo(demo);
    }

    @Test
    void otherSeed_generatesAnotherMsp() {
        SampleMsp other = SampleMsp.generate(43, 40, AS_OF);

        assertThat(other.customers()).extracting(SampleCustomer::name).isNotEqualTo(names(demo));
        assertThat(other.devices()).isNotEqualTo(demo.devices());
    }

    @Test
    void demoSize_isFortyCustomersWithAFewThousandDevices() {
        assertThat(demo.customers()).hasSize(40);
        assertThat(demo.devices()).hasSizeBetween(2000, 5000);
    }

    @Test
    void customers_haveUniqueIdsNamesAndOrganizations() {
        assertThat(demo.customers())
                .extracting(SampleCustomer::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(names(demo)).doesNotHaveDuplicates();
        assertThat(demo.customers()).allSatisfy(c -> {
            assertThat(demo.organizationOf(c).customerId()).isEqualTo(c.id());
            assertThat(demo.organizationOf(c).name()).isEqualTo(c.name());
        });
        assertThat(demo.organizations())
                .extracting(SampleOrganization::id)
                .doesNotHaveDuplicates()
                .isSorted();
    }

    @Test
    void unmappedOrganizations_areOneWithDevicesAndOneEmpty() {
        List<SampleOrganization> unmapped = demo.unmappedOrganizations();

        assertThat(unmapped).hasSize(2);
        assertThat(unmapped).filteredOn(o -> o.devices().isEmpty()).hasSize(1);
        assertThat(unmapped)
                .filteredOn(o -> !o.devices().isEmpty())
                .singleElement()
                .satisfies(o -> assertThat(names(demo)).doesNotContain(o.name()));
    }

    @Test
    void classMix_isMostlyWorkstationsWithEveryKindPresent() {
        Map<String, Long> byClass =
                demo.devices().stream().collect(Collectors.groupingBy(SampleDevice::nodeClass, Collectors.counting()));
        long total = demo.devices().size();

        assertThat(byClass.keySet())
                .containsAll(Set.of(
                        "WINDOWS_WORKSTATION",
                        "MAC",
                        "WINDOWS_SERVER",
                        "LINUX_SERVER",
                        "VMWARE_VM_GUEST",
                        "HYPERV_VMM_HOST",
                        "NMS_SWITCH",
                        "NMS_FIREWALL",
                        "ANDROID",
                        "APPLE_IOS"));
        assertThat(byClass.get("WINDOWS_WORKSTATION") + byClass.get("MAC")).isGreaterThan(total * 7 / 10);
        assertThat(byClass.get("ANDROID") + byClass.get("APPLE_IOS")).isLessThan(total / 20);
    }

    @Test
    void approvals_areMostlyApprovedWithAFewPending_onlyInManualOrganizations() {
        List<SampleDevice> pending = demo.devices().stream()
                .filter(d -> d.approvalStatus().equals("PENDING"))
                .toList();

        assertThat(pending).isNotEmpty().hasSizeLessThan(demo.devices().size() / 50);
        assertThat(demo.devices()).extracting(SampleDevice::approvalStatus).containsOnly("APPROVED", "PENDING");
        assertThat(pending)
                .allMatch(d ->
                        demo.organization(d.organizationId()).nodeApprovalMode().equals("MANUAL"));
    }

    @Test
    void timestamps_runFromCreatedToLastUpdateAndNeverPassAsOf() {
        assertThat(demo.devices()).allSatisfy(d -> {
            assertThat(d.created()).isBefore(d.lastContact());
            assertThat(d.lastUpdate()).isAfterOrEqualTo(d.lastContact()).isBeforeOrEqualTo(AS_OF);
            assertThat(d.offline()).isEqualTo(d.lastContact().isBefore(AS_OF.minus(Duration.ofMinutes(15))));
        });
    }

    @Test
    void deviceIds_followEnrollmentOrder() {
        assertThat(demo.devices()).isSortedAccordingTo(Comparator.comparing(SampleDevice::created));
    }

    @Test
    void serialsAndMacs_arePresent_andOnlyRepeatedWhereAMachineWasReimaged() {
        Map<String, Long> serials = demo.devices().stream()
                .filter(d -> !d.serialNumber().isEmpty())
                .collect(Collectors.groupingBy(SampleDevice::serialNumber, Collectors.counting()));
        Map<String, Long> macs = demo.devices().stream()
                .flatMap(d -> d.macAddresses().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int duplicates =
                demo.customers().stream().mapToInt(c -> c.truth().duplicates()).sum();

        assertThat(demo.devices()).allSatisfy(d -> assertThat(d.macAddresses()).isNotEmpty());
        assertThat(serials.values()).containsOnly(1L, 2L);
        assertThat(macs.values()).containsOnly(1L, 2L);
        assertThat(macs.values().stream().filter(n -> n == 2).count()).isGreaterThanOrEqualTo(duplicates);
        assertThat(demo.devices()).filteredOn(d -> d.serialNumber().isEmpty()).hasSizeLessThan(40);
    }

    @Test
    void tooFewCustomers_isRejected() {
        assertThatThrownBy(() -> SampleMsp.generate(1, 0, AS_OF)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(SampleMsp msp) {
        return msp.customers().stream().map(SampleCustomer::name).toList();
    }
}
