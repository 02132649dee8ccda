package io.truecount.bench;

import io.truecount.core.billing.BillingInput;
import io.truecount.core.billing.SourceData;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.observation.AssetSnapshot;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A generated MSP as the billing core sees it after one sync of every source: configuration, what each source
 * reported, and the daily asset snapshots of the benchmarked period.
 */
record BenchMsp(
        Company company,
        List<Customer> customers,
        List<Contract> contracts,
        List<SourcePolicy> sources,
        Map<String, SourceData> data,
        List<AssetSnapshot> history) {

    /** Counts are taken at 22:00 on the period's last day, company time: the nightly run that closes the month. */
    Instant asOf(YearMonth period) {
        return period.atEndOfMonth().atTime(22, 0).atZone(company.timezone()).toInstant();
    }

    /**
     * The run of a period: the customers' earlier invoices, and the last {@code historyDays} daily snapshots of the
     * period before the as-of instant (all of them, as a daily sync leaves them, when it exceeds the days there are).
     */
    BillingInput input(YearMonth period, Map<String, Invoice> previousInvoices, int historyDays) {
        Instant from = period.atDay(1).atStartOfDay(company.timezone()).toInstant();
        Instant asOf = asOf(period);
        List<AssetSnapshot> snapshots = history.stream()
                .filter(s -> !s.at().isBefore(from) && s.at().isBefore(asOf))
                .toList();
        snapshots = snapshots.subList(Math.max(0, snapshots.size() - historyDays), snapshots.size());
        return new BillingInput(
                company, customers, contracts, sources, period, asOf, data, snapshots, previousInvoices);
    }
}
