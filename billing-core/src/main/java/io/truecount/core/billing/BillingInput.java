package io.truecount.core.billing;

import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.counting.SourcePolicy;
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
 */
public record BillingInput(
        Company company,
        List<Customer> customers,
        List<Contract> contracts,
        List<SourcePolicy> sources,
        YearMonth period,
        Instant asOf,
        Map<String, SourceData> data) {

    public BillingInput {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        customers = List.copyOf(customers);
        contracts = List.copyOf(contracts);
        sources = List.copyOf(sources);
        data = Map.copyOf(data);
    }
}
