package io.truecount.core.billing;

import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.counting.AssetCount;
import io.truecount.core.counting.AssetCounter;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.period.BillingPeriod;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One billing run for one period: count → reconcile → rate → invoice drafts. A pure function of its input: the same
 * input always gives the same outcome, which is what makes re-running a period converge.
 */
public final class BillingRun {

    private final BillingInput input;
    private final SourceIndex index;
    private final AssetCounter counter;

    private BillingRun(BillingInput input) {
        this.input = input;
        this.index = new SourceIndex(input.sources(), input.data());
        this.counter = new AssetCounter(input.sources());
    }

    public static BillingOutcome run(BillingInput input) {
        return new BillingRun(input).run();
    }

    private BillingOutcome run() {
        List<InvoiceDraft> drafts = new ArrayList<>();
        List<ReconciliationItem> items = new ArrayList<>();
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
            billCustomer(customer, items).ifPresent(drafts::add);
        }
        index.unmapped(input.customers()).forEach((org, assets) -> items.add(unmapped(org, assets)));
        return new BillingOutcome(input.period(), drafts, items, failed, List.of());
    }

    private Optional<InvoiceDraft> billCustomer(Customer customer, List<ReconciliationItem> items) {
        AssetCount assets = counter.count(index.assetsOf(customer), input.asOf());
        assets.stale().forEach(a -> items.add(ReconciliationItem.staleAsset(customer.id(), a)));
        assets.duplicates().forEach(d -> items.add(ReconciliationItem.duplicateAsset(customer.id(), d)));

        ContractRater rater = new ContractRater(customer.currency());
        List<InvoiceLine> lines = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        Set<AssetClass> covered = EnumSet.noneOf(AssetClass.class);
        for (Contract contract : contractsOf(customer)) {
            if (runsDuring(contract, input.period())) {
                covered.addAll(assetClasses(contract));
            }
            Optional<BillingPeriod> period = BillingPeriod.billedBy(contract, input.period());
            if (period.isEmpty()) {
                continue;
            }
            ContractRater.Rated rated = rater.rate(contract, period.get(), assets);
            lines.addAll(rated.lines());
            items.addAll(rated.items());
            start = start == null || period.get().start().isBefore(start)
                    ? period.get().start()
                    : start;
            end = end == null || period.get().end().isAfter(end) ? period.get().end() : end;
        }
        assets.byClass().forEach((assetClass, n) -> {
            if (!covered.contains(assetClass)) {
                items.add(ReconciliationItem.uncontractedAssets(customer.id(), assetClass, n));
            }
        });
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new InvoiceDraft(customer.id(), customer.currency(), start, end, lines, customer.tax(), null));
    }

    /** The customer's contracts in configuration order, which is also the order of their invoice lines. */
    private List<Contract> contractsOf(Customer customer) {
        return input.contracts().stream()
                .filter(c -> c.customerId().equals(customer.id()))
                .toList();
    }

    private ReconciliationItem unmapped(ExternalOrganization org, List<AssetObservation> assets) {
        long observed = counter.count(assets, input.asOf()).counted().size();
        return ReconciliationItem.unmappedOrganization(org, observed);
    }

    private static boolean runsDuring(Contract contract, YearMonth month) {
        return !contract.start().isAfter(month.atEndOfMonth())
                && (contract.end() == null || !contract.end().isBefore(month.atDay(1)));
    }

    private static Set<AssetClass> assetClasses(Contract contract) {
        Set<AssetClass> classes = EnumSet.noneOf(AssetClass.class);
        for (ContractLine line : contract.lines()) {
            if (line instanceof PerAssetLine perAsset) {
                classes.addAll(perAsset.assetClasses());
            }
        }
        return classes;
    }
}
