package io.truecount.core.billing;

import static io.truecount.core.Fixtures.company;
import static io.truecount.core.Fixtures.customer;
import static io.truecount.core.Fixtures.device;
import static io.truecount.core.Fixtures.flat;
import static io.truecount.core.Fixtures.monthly;
import static io.truecount.core.Fixtures.perAsset;
import static io.truecount.core.observation.AssetClass.NETWORK;
import static io.truecount.core.observation.AssetClass.SERVER;
import static io.truecount.core.observation.AssetClass.WORKSTATION;
import static io.truecount.core.reconciliation.ReconciliationKind.DUPLICATE_ASSET;
import static io.truecount.core.reconciliation.ReconciliationKind.OVER_BILLED;
import static io.truecount.core.reconciliation.ReconciliationKind.SOURCE_FAILED;
import static io.truecount.core.reconciliation.ReconciliationKind.STALE_ASSET;
import static io.truecount.core.reconciliation.ReconciliationKind.UNCONTRACTED_ASSETS;
import static io.truecount.core.reconciliation.ReconciliationKind.UNDER_BILLED;
import static io.truecount.core.reconciliation.ReconciliationKind.UNMAPPED_ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.reconciliation.ReconciliationItem;
import io.truecount.core.reconciliation.ReconciliationKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingRunTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");
    private static final Instant RECENT = Instant.parse("2026-10-30T12:00:00Z");
    private static final List<SourcePolicy> NINJA = List.of(new SourcePolicy("ninja", 0, Duration.ofDays(30)));
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    /** 18 workstations, 3 servers, plus one stale and one duplicate workstation, in organization 12. */
    private static List<AssetObservation> acmeDevices() {
        List<AssetObservation> devices = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            devices.add(device("12", "w" + i, WORKSTATION, "WS" + i, RECENT));
        }
        for (int i = 1; i <= 3; i++) {
            devices.add(device("12", "s" + i, SERVER, "SV" + i, RECENT));
        }
        devices.add(device("12", "w-old", WORKSTATION, "WSX", Instant.parse("2026-08-02T10:00:00Z")));
        devices.add(device("12", "w1-reimaged", WORKSTATION, "WS1", Instant.parse("2026-10-15T00:00:00Z")));
        return devices;
    }

    private static SourceData ninja(List<AssetObservation> assets, ExternalOrganization... orgs) {
        return SourceData.succeeded("ninja", List.of(orgs), assets);
    }

    private static BillingOutcome run(List<Customer> customers, List<Contract> contracts, SourceData data) {
        return BillingRun.run(
                new BillingInput(company(), customers, contracts, NINJA, OCTOBER, AS_OF, Map.of("ninja", data)));
    }

    private static List<ReconciliationKind> kinds(BillingOutcome outcome) {
        return outcome.items().stream().map(ReconciliationItem::kind).toList();
    }

    @Test
    void fullMonth_perAssetWithMinimumAndFlat_totalsAsComputedByHand() {
        Contract contract = monthly(
                "acme-managed",
                "acme",
                JAN,
                null,
                perAsset("workstations", WORKSTATION, "45.00", null, "20"),
                perAsset("servers", SERVER, "125.00", "4", null),
                flat("backup", "99.00"));
        BillingOutcome outcome = run(
                List.of(customer("acme", "12")),
                List.of(contract),
                ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme")));

        InvoiceDraft draft = outcome.drafts().get(0);
        assertThat(draft.lines())
                .extracting(InvoiceLine::lineId, l -> l.quantity().toPlainString(), l -> l.amount()
                        .toPlainString())
                .containsExactly(
                        tuple("workstations", "18", "810.00"),
                        tuple("servers", "4", "500.00"),
                        tuple("backup", "1", "99.00"));
        assertThat(draft.subtotal()).isEqualByComparingTo("1409.00");
        assertThat(draft.taxAmount()).isEqualTo(new BigDecimal("116.24")); // 1409.00 × 8.25% = 116.2425
        assertThat(draft.total()).isEqualTo(new BigDecimal("1525.24"));
        assertThat(draft.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(draft.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(kinds(outcome)).containsExactly(OVER_BILLED, STALE_ASSET, DUPLICATE_ASSET);
        assertThat(outcome.items().get(0).fields())
                .containsEntry("expected", "20")
                .containsEntry("observed", "18")
                .containsEntry("line", "workstations");
        assertThat(outcome.items().get(2).fields())
                .containsEntry("externalId", "w1-reimaged")
                .containsEntry("duplicateOf", "ninja:w1");
    }

    @Test
    void taxAtHalfCent_roundsUp() {
        Contract contract = monthly("c", "acme", JAN, null, perAsset("ws", WORKSTATION, "45.00"));
        BillingOutcome outcome = run(
                List.of(customer("acme", "12")),
                List.of(contract),
                ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme")));
        InvoiceDraft draft = outcome.drafts().get(0);
        assertThat(draft.subtotal()).isEqualByComparingTo("810.00");
        assertThat(draft.taxAmount()).isEqualTo(new BigDecimal("66.83")); // 66.825
        assertThat(draft.total()).isEqualTo(new BigDecimal("876.83"));
    }

    @Test
    void contractStartingMidMonth_isProratedOnEveryRecurringLine() {
        Contract contract = monthly(
                "c",
                "acme",
                LocalDate.of(2026, 10, 15),
                null,
                perAsset("ws", WORKSTATION, "45.00"),
                flat("f", "99.00"));
        InvoiceDraft draft = run(
                        List.of(customer("acme", "12")),
                        List.of(contract),
                        ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme")))
                .drafts()
                .get(0);
        // 18 × 45.00 × 17/31 = 444.1935…; 99.00 × 17/31 = 54.2903…
        assertThat(draft.lines())
                .extracting(InvoiceLine::amount)
                .containsExactly(new BigDecimal("444.19"), new BigDecimal("54.29"));
        assertThat(draft.lines().get(0).unitPrice()).isEqualByComparingTo("45.00");
        assertThat(draft.lines().get(0).quantity()).isEqualByComparingTo("18");
    }

    @Test
    void minimumMonthlyAmount_addsTheDifferenceAsOneLine() {
        Contract contract = new Contract(
                "c",
                "acme",
                JAN,
                null,
                BillingCycle.MONTHLY,
                BillingTiming.ADVANCE,
                new BigDecimal("1000.00"),
                List.of(perAsset("ws", WORKSTATION, "45.00")));
        InvoiceDraft draft = run(
                        List.of(customer("acme", "12")),
                        List.of(contract),
                        ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme")))
                .drafts()
                .get(0);
        assertThat(draft.lines()).hasSize(2);
        assertThat(draft.lines().get(1).description()).isEqualTo("Minimum commitment");
        assertThat(draft.lines().get(1).amount()).isEqualTo(new BigDecimal("190.00"));
        assertThat(draft.subtotal()).isEqualByComparingTo("1000.00");
    }

    @Test
    void failedSource_givesSourceFailedAndNoInvoice_neverAZeroInvoice() {
        Contract contract = monthly("c", "acme", JAN, null, perAsset("ws", WORKSTATION, "45.00"), flat("f", "99.00"));
        BillingOutcome outcome =
                run(List.of(customer("acme", "12")), List.of(contract), SourceData.failed("ninja", "HTTP 503"));
        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.failedCustomers()).containsExactly("acme");
        assertThat(outcome.items()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(SOURCE_FAILED);
            assertThat(i.fields()).containsEntry("connector", "ninja").containsEntry("error", "HTTP 503");
        });
    }

    @Test
    void mappedOrganizationMissingFromTheSource_failsThatCustomerOnly() {
        Contract acme = monthly("a", "acme", JAN, null, flat("f", "99.00"));
        Contract beta = monthly("b", "beta", JAN, null, flat("f", "50.00"));
        BillingOutcome outcome = run(
                List.of(customer("acme", "12"), customer("beta", "77")),
                List.of(acme, beta),
                ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme")));
        assertThat(outcome.drafts()).extracting(InvoiceDraft::customerId).containsExactly("acme");
        assertThat(outcome.failedCustomers()).containsExactly("beta");
        assertThat(outcome.items())
                .filteredOn(i -> i.kind() == SOURCE_FAILED)
                .singleElement()
                .satisfies(i -> assertThat(i.field("error")).contains("organization 77"));
    }

    @Test
    void unmappedOrganizationWithDevices_isReportedWithItsBillableCount() {
        List<AssetObservation> devices = new ArrayList<>(acmeDevices());
        devices.add(device("99", "b1", WORKSTATION, "B1", RECENT));
        devices.add(device("99", "b2", WORKSTATION, "B2", RECENT));
        BillingOutcome outcome = run(
                List.of(customer("acme", "12")),
                List.of(monthly(
                        "c",
                        "acme",
                        JAN,
                        null,
                        perAsset("ws", WORKSTATION, "45.00"),
                        perAsset("sv", SERVER, "125.00"))),
                ninja(
                        devices,
                        new ExternalOrganization("ninja", "12", "Acme"),
                        new ExternalOrganization("ninja", "99", "Bob's Bakery"),
                        new ExternalOrganization("ninja", "100", "Empty Org")));
        assertThat(outcome.items())
                .filteredOn(i -> i.kind() == UNMAPPED_ORGANIZATION)
                .singleElement()
                .satisfies(i -> assertThat(i.fields())
                        .containsEntry("externalId", "99")
                        .containsEntry("name", "Bob's Bakery")
                        .containsEntry("observed", "2"));
    }

    @Test
    void assetsOfAClassNoLineCovers_areUncontracted() {
        List<AssetObservation> devices = new ArrayList<>(acmeDevices());
        devices.add(device("12", "n1", NETWORK, "N1", RECENT));
        BillingOutcome outcome = run(
                List.of(customer("acme", "12")),
                List.of(monthly("c", "acme", JAN, null, perAsset("ws", WORKSTATION, "45.00"))),
                ninja(devices, new ExternalOrganization("ninja", "12", "Acme")));
        assertThat(outcome.items())
                .filteredOn(i -> i.kind() == UNCONTRACTED_ASSETS)
                .extracting(i -> i.field("assetClass") + "=" + i.field("observed"))
                .containsExactly("network=1", "server=3");
    }

    @Test
    void observedAboveContracted_isUnderBilled() {
        Contract contract = monthly(
                "c",
                "acme",
                JAN,
                null,
                perAsset("ws", WORKSTATION, "45.00", null, "15"),
                perAsset("sv", SERVER, "125.00"));
        BillingOutcome outcome = run(
                List.of(customer("acme", "12")),
                List.of(contract),
                ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme")));
        assertThat(kinds(outcome)).startsWith(UNDER_BILLED);
    }

    @Test
    void customerWithoutAContractThisPeriod_getsNoInvoice() {
        BillingOutcome outcome = run(
                List.of(customer("acme", "12")),
                List.of(monthly("c", "acme", LocalDate.of(2026, 11, 1), null, flat("f", "10.00"))),
                ninja(List.of(), new ExternalOrganization("ninja", "12", "Acme")));
        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.failedCustomers()).isEmpty();
    }

    @Test
    void sameInput_givesTheSameOutcome() {
        List<Contract> contracts = List.of(monthly("c", "acme", JAN, null, perAsset("ws", WORKSTATION, "45.00")));
        SourceData data = ninja(acmeDevices(), new ExternalOrganization("ninja", "12", "Acme"));
        assertThat(run(List.of(customer("acme", "12")), contracts, data))
                .isEqualTo(run(List.of(customer("acme", "12")), contracts, data));
    }
}
