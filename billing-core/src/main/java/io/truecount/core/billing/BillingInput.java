package io.truecount.core.billing;

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
import java.util.Objects;

/**
 * Everything one billing run decides from: the configuration, the run period, the instant counts are taken at, and
 * what each source reported.
 *
 * @param sources every source connector in priority order
 * @param data connector id to what it reported; a source without data counts as failed
 * @param history earlier asset snapshots of the period, for lines that bill the {@code peak} or {@code average}
 *     count (the as-of data is always included by the run itself); may be empty
 * @param previousInvoices customer id to its latest invoice of an earlier period that was not voided: the quantities
 *     {@code max-drop-percent} guards against
 */
public record BillingInput(
        Company company,
        List<Customer> customers,
        List<Contract> contracts,
        List<SourcePolicy> sources,
        YearMonth period,
        Instant asOf,
        Map<String, SourceData> data,
        List<AssetSnapshot> history,
        Map<String, Invoice> previousInvoices) {

    public BillingInput {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        customers = List.copyOf(customers);
        contracts = List.copyOf(contracts);
        sources = List.copyOf(sources);
        data = Map.copyOf(data);
        history = List.copyOf(history);
        previousInvoices = Map.copyOf(previousInvoices);
    }

    /** An input without history or earlier invoices: a first run. */
    public BillingInput(
            Company company,
            List<Customer> customers,
            List<Contract> contracts,
            List<SourcePolicy> sources,
            YearMonth period,
            Instant asOf,
            Map<String, SourceData> data) {
        this(company, customers, contracts, sources, period, asOf, data, List.of(), Map.of());
    }
}
