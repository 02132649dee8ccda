package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.billing.BillingOutcome;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.invoice.InMemoryInvoiceStore;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark from rotting: the workload it measures runs, on 50 customers, and the harness is generated. */
class BillingBenchmarkSmokeTest {

    private static final int CUSTOMERS = 50;

    private final Workload workload = Workload.generate(CUSTOMERS, 7, Workload.ALL_DAYS);

    @Test
    void run_everyCustomerGetsAnInvoiceOrAReconciliationItem() {
        InMemoryInvoiceStore store = workload.freshLedger();
        int before = store.size();

        Workload.Result result = workload.run(store);

        BillingOutcome outcome = result.outcome();
        Set<String> accounted = new HashSet<>();
        outcome.drafts().forEach(d -> accounted.add(d.customerId()));
        outcome.items().stream()
                .map(i -> i.field("customer"))
                .filter(Objects::nonNull)
                .forEach(accounted::add);
        Set<String> customers =
                workload.input().customers().stream().map(Customer::id).collect(Collectors.toSet());
        assertThat(accounted).containsAll(customers);
        assertThat(outcome.drafts()).hasSizeGreaterThan(CUSTOMERS * 9 / 10);
        assertThat(outcome.drafts()).allSatisfy(d -> assertThat(d.lines()).isNotEmpty());
        assertThat(result.convergence().invoices())
                .extracting(i -> i.customerId())
                .containsExactlyElementsOf(outcome.drafts().stream()
                        .map(InvoiceDraft::customerId)
                        .sorted()
                        .toList());
        assertThat(result.convergence().invoices()).allSatisfy(i -> assertThat(i.status())
                .isIn(InvoiceStatus.DRAFT, InvoiceStatus.HELD, InvoiceStatus.APPROVED));
        assertThat(store.size()).isEqualTo(before + outcome.drafts().size());
    }

    @Test
    void run_leavesTheStartingLedgerAlone_soEveryInvocationMeasuresTheSameWork() {
        InMemoryInvoiceStore first = workload.freshLedger();
        int before = first.size();

        workload.run(first);

        assertThat(before).isGreaterThan(0);
        assertThat(workload.freshLedger().size()).isEqualTo(before);
    }

    @Test
    void generate_givesEveryCustomerTenLinesOfEveryType() {
        List<Contract> contracts = workload.input().contracts();
        for (Customer customer : workload.input().customers()) {
            List<ContractLine> lines = contracts.stream()
                    .filter(c -> c.customerId().equals(customer.id()))
                    .flatMap(c -> c.lines().stream())
                    .toList();
            assertThat(lines).hasSize(ContractDraws.LINES_PER_CUSTOMER);
            assertThat(lines.stream().map(l -> l.getClass().getSimpleName()).distinct())
                    .hasSize(ContractLine.class.getPermittedSubclasses().length);
            assertThat(lines).anyMatch(l -> l instanceof PerAssetLine p && p.count() == CountMode.PEAK);
            assertThat(lines.stream().filter(TieredLine.class::isInstance).map(l -> ((TieredLine) l).mode()))
                    .containsExactlyInAnyOrder(TieredLine.Mode.GRADUATED, TieredLine.Mode.VOLUME);
        }
        assertThat(workload.input().history()).isNotEmpty();
    }

    @Test
    void generate_isDeterministic() {
        assertThat(Workload.generate(CUSTOMERS, 7, Workload.ALL_DAYS).input()).isEqualTo(workload.input());
        assertThat(Workload.generate(CUSTOMERS, 8, Workload.ALL_DAYS).input()).isNotEqualTo(workload.input());
    }

    @Test
    void harness_isGeneratedByTheAnnotationProcessor() throws IOException {
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list)
                    .as("META-INF/BenchmarkList from jmh-generator-annprocess")
                    .isNotNull();
            assertThat(new String(list.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(BillingBenchmark.class.getName())
                    .contains("rateAndInvoice");
        }
    }
}
