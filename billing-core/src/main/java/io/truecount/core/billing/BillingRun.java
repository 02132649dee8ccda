package io.truecount.core.billing;

import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.counting.AssetCount;
import io.truecount.core.counting.AssetCounter;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.AssetSnapshot;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.period.BillingPeriod;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One billing run for one period: count → reconcile → rate → invoice drafts. A pure function of its input: the same
 * input always gives the same outcome, which is what makes re-running a period converge.
 */
public final class BillingRun {

    /** Review items list at most this many records by name; the rest are counted. */
    private static final int LISTED = 20;

    private final BillingInput input;
    private final SourceIndex index;
    private final AssetCounter counter;
    private final List<ReconciliationItem> items = new ArrayList<>();
    private final List<PrepaidStatement> prepaid = new ArrayList<>();

    /** Each history snapshot's assets by (connector, organization), built once so no customer scans them all. */
    private final List<Map<SourceIndex.OrgKey, List<AssetObservation>>> history = new ArrayList<>();

    private final List<Instant> historyTimes = new ArrayList<>();
    private final Map<String, List<Contract>> contractsByCustomer = new HashMap<>();

    private BillingRun(BillingInput input) {
        this.input = input;
        this.index = new SourceIndex(input.sources(), input.data());
        this.counter = new AssetCounter(input.sources());
        for (AssetSnapshot snapshot : input.history()) {
            Map<SourceIndex.OrgKey, List<AssetObservation>> byOrg = new HashMap<>();
            for (AssetObservation asset : snapshot.assets()) {
                byOrg.computeIfAbsent(
                                SourceIndex.key(asset.connectorId(), asset.organizationId()), k -> new ArrayList<>())
                        .add(asset);
            }
            history.add(byOrg);
            historyTimes.add(snapshot.at());
        }
        for (Contract contract : input.contracts()) {
            contractsByCustomer
                    .computeIfAbsent(contract.customerId(), c -> new ArrayList<>())
                    .add(contract);
        }
    }

    public static BillingOutcome run(BillingInput input) {
        return new BillingRun(input).run();
    }

    private BillingOutcome run() {
        List<InvoiceDraft> drafts = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        List<Customer> customers = input.customers().stream()
                .sorted(Comparator.comparing(Customer::id))
                .toList();
        for (Customer customer : customers) {
            Map<String, String> failures = index.failuresOf(customer);
            if (!failures.isEmpty()) {
                failures.forEach((connector, error) ->
                        items.add(ReconciliationItem.sourceFailed(customer.id(), connector, error)));
                failed.add(customer.id());
                continue;
            }
            InvoiceDraft draft = billCustomer(customer);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        for (SourceIndex.Unmapped org : index.unmapped(input.customers())) {
            long devices = counter.count(org.assets(), input.asOf()).counted().size();
            long observed = devices > 0
                    ? devices
                    : !org.users().isEmpty()
                            ? org.users().size()
                            : org.timeEntries().size();
            items.add(ReconciliationItem.unmappedOrganization(org.organization(), observed));
        }
        return new BillingOutcome(input.period(), drafts, items, failed, prepaid);
    }

    /** The customer's draft, or null when nothing of theirs is billed in this run. */
    private InvoiceDraft billCustomer(Customer customer) {
        AssetCount assets = counter.count(index.assetsOf(customer), input.asOf());
        assets.stale().forEach(a -> items.add(ReconciliationItem.staleAsset(customer.id(), a)));
        assets.duplicates().forEach(d -> items.add(ReconciliationItem.duplicateAsset(customer.id(), d)));

        List<Contract> contracts = contractsOf(customer);
        CustomerUsage usage = new CustomerUsage(
                assets,
                historyOf(customer),
                counter,
                index.licensesOf(customer),
                index.usersOf(customer),
                input.company().timezone(),
                input.asOf());
        List<TimeEntry> time = index.timeEntriesOf(customer);
        TimeAllocation allocation =
                new TimeAllocation(contracts, time, input.company().timezone());
        TimeRater timeRater = new TimeRater(customer.id(), customer.currency(), allocation);
        ContractRater rater = new ContractRater(customer.currency(), usage, timeRater);

        List<InvoiceLine> lines = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        for (Contract contract : contracts) {
            List<InvoiceLine> contractLines = new ArrayList<>();
            BillingPeriod period =
                    BillingPeriod.billedBy(contract, input.period()).orElse(null);
            if (period != null) {
                ContractRater.Rated rated = rater.rate(contract, period);
                contractLines.addAll(rated.lines());
                items.addAll(rated.items());
            } else if (runsDuring(contract, input.period())) {
                period = BillingPeriod.month(input.period());
            }
            contractLines.addAll(topUps(contract, timeRater));
            if (!contractLines.isEmpty()) {
                lines.addAll(contractLines);
                start = start == null || period.start().isBefore(start) ? period.start() : start;
                end = end == null || period.end().isAfter(end) ? period.end() : end;
            }
        }
        prepaid.addAll(timeRater.statements());
        reconcile(customer, contracts, assets, usage, allocation);
        if (lines.isEmpty()) {
            return null;
        }
        List<ReconciliationItem> drops = CountDropGuard.check(
                customer.id(),
                customer.maxDropPercent(),
                contracts,
                lines,
                input.previousInvoices().get(customer.id()));
        items.addAll(drops);
        String holdReason = drops.isEmpty()
                ? null
                : "COUNT_DROP on "
                        + drops.stream()
                                .map(d -> d.field("contract") + "/" + d.field("line") + " (" + d.field("expected")
                                        + " → " + d.field("observed") + ")")
                                .collect(Collectors.joining(", "));
        return new InvoiceDraft(customer.id(), customer.currency(), start, end, lines, customer.tax(), holdReason);
    }

    /** Top-ups of the contract's prepaid lines dated in the run month, within the contract. */
    private List<InvoiceLine> topUps(Contract contract, TimeRater timeRater) {
        List<InvoiceLine> lines = new ArrayList<>();
        if (runsDuring(contract, input.period())) {
            for (ContractLine line : contract.lines()) {
                if (line instanceof PrepaidHoursLine prepaidLine) {
                    lines.addAll(timeRater.topUps(contract, prepaidLine, input.period()));
                }
            }
        }
        return lines;
    }

    /** The discrepancies that do not depend on one line's rating. */
    private void reconcile(
            Customer customer,
            List<Contract> contracts,
            AssetCount assets,
            CustomerUsage usage,
            TimeAllocation allocation) {
        Set<AssetClass> covered = EnumSet.noneOf(AssetClass.class);
        Map<String, List<String>> billedSkus = new LinkedHashMap<>();
        for (Contract contract : contracts) {
            if (!runsDuring(contract, input.period())) {
                continue;
            }
            for (ContractLine line : contract.lines()) {
                Measure measure = line instanceof PerAssetLine a
                        ? a.measure()
                        : line instanceof TieredLine t
                                ? t.measure()
                                : line instanceof PerLicenseLine l ? l.measure() : null;
                if (measure instanceof Measure.Assets a) {
                    covered.addAll(a.classes());
                } else if (measure instanceof Measure.Licenses l) {
                    l.skus().forEach(sku -> billedSkus
                            .computeIfAbsent(sku, s -> new ArrayList<>())
                            .add(contract.id() + "/" + line.id()));
                }
            }
        }
        assets.byClass().forEach((assetClass, n) -> {
            if (!covered.contains(assetClass)) {
                List<String> names = assets.counted().stream()
                        .filter(a -> a.assetClass() == assetClass)
                        .map(AssetObservation::name)
                        .sorted()
                        .toList();
                items.add(ReconciliationItem.uncontractedAssets(customer.id(), assetClass, n, listed(names)));
            }
        });
        for (LicenseCount sku : usage.licenses()) {
            if (sku.isLive() && sku.purchased() > sku.assigned()) {
                String billedBy = String.join(", ", billedSkus.getOrDefault(sku.skuPartNumber(), List.of("none")));
                items.add(ReconciliationItem.unusedLicenses(customer.id(), sku, billedBy));
            }
        }
        Map<String, List<TimeEntry>> unbilled = new LinkedHashMap<>();
        allocation
                .unallocated(input.period().atDay(1), input.period().atEndOfMonth())
                .forEach(e -> unbilled.computeIfAbsent(e.connectorId(), c -> new ArrayList<>())
                        .add(e));
        unbilled.forEach((connector, entries) -> {
            BigDecimal hours = entries.stream().map(TimeEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            String ids = listed(entries.stream().map(TimeEntry::externalId).toList());
            items.add(ReconciliationItem.unbilledTime(customer.id(), connector, entries.size(), hours, ids));
        });
    }

    /** Names or ids for an item: the first {@value #LISTED} joined, then how many more. */
    private static String listed(List<String> names) {
        String shown = names.stream().limit(LISTED).collect(Collectors.joining(", "));
        return names.size() > LISTED ? shown + " and " + (names.size() - LISTED) + " more" : shown;
    }

    /** The customer's own assets in each snapshot of the history, found through the per-run index. */
    private List<AssetSnapshot> historyOf(Customer customer) {
        List<AssetSnapshot> own = new ArrayList<>(history.size());
        for (Map<SourceIndex.OrgKey, List<AssetObservation>> snapshot : history) {
            List<AssetObservation> assets = new ArrayList<>();
            customer.sources()
                    .forEach((connector, ids) -> ids.forEach(
                            id -> assets.addAll(snapshot.getOrDefault(SourceIndex.key(connector, id), List.of()))));
            own.add(new AssetSnapshot(historyTimes.get(own.size()), assets));
        }
        return own;
    }

    /** The customer's contracts in configuration order, which is also the order of their invoice lines. */
    private List<Contract> contractsOf(Customer customer) {
        return contractsByCustomer.getOrDefault(customer.id(), List.of());
    }

    private static boolean runsDuring(Contract contract, YearMonth month) {
        return !contract.start().isAfter(month.atEndOfMonth())
                && (contract.end() == null || !contract.end().isBefore(month.atDay(1)));
    }
}
