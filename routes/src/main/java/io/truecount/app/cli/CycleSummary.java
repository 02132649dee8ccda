package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.cycle.CycleResult;
import io.truecount.app.sync.SyncResult;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.money.Money;
import io.truecount.core.reconciliation.ReconciliationItem;
import io.truecount.core.reconciliation.ReconciliationKind;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The readable summary {@code truecount cycle} prints on stdout: sources, invoices, totals, discrepancies, files. */
final class CycleSummary {

    private static final int TOP_INVOICES = 10;

    private CycleSummary() {}

    static void print(PrintWriter out, TruecountConfig config, CycleResult result) {
        out.printf("Truecount billing cycle %s (counts as of %s)%n%n", result.period(), result.asOf());
        out.println("Sources");
        for (SyncResult sync : result.syncs()) {
            out.printf(
                    "  %-16s %s%n",
                    sync.connectorId(),
                    sync.succeeded()
                            ? String.format(
                                    "ok       %,d records in %d pages, %d requests (%d retried, %d throttled), %s",
                                    sync.stats().records(),
                                    sync.stats().pages(),
                                    sync.stats().requests(),
                                    sync.stats().retries(),
                                    sync.stats().throttles(),
                                    StderrProgress.seconds(sync.elapsed()))
                            : "FAILED   " + sync.error());
        }
        int customers = config.customers().size();
        out.printf(
                "%nCustomers  %d configured, %d invoiced, %d not invoiced because a source failed, %d with nothing to"
                        + " bill%n",
                customers,
                result.invoices().size(),
                result.failedCustomers().size(),
                customers - result.invoices().size() - result.failedCustomers().size());
        invoices(out, config, result.invoices());
        discrepancies(out, result.items());
        out.printf("%nFiles%n");
        out.printf("  %s%n", result.files().invoicesJson());
        out.printf("  %s%n", result.files().reconciliationJson());
        out.printf(
                "  %s%s (%d UBL 2.1 invoices)%n",
                result.files().ublDirectory(), "/", result.files().ublFiles());
        out.flush();
    }

    private static void invoices(PrintWriter out, TruecountConfig config, List<Invoice> invoices) {
        out.printf("%nInvoices%n");
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (Invoice invoice : invoices) {
            BigDecimal[] sums = totals.computeIfAbsent(invoice.currency().getCurrencyCode(), c ->
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(invoice.subtotal());
            sums[1] = sums[1].add(invoice.taxAmount());
            sums[2] = sums[2].add(invoice.total());
        }
        totals.forEach((currency, sums) -> out.printf(
                "  %s  subtotal %s  tax %s  total %s%n", currency, money(sums[0]), money(sums[1]), money(sums[2])));
        Map<String, Long> byStatus = new TreeMap<>();
        invoices.forEach(i -> byStatus.merge(i.status().name(), 1L, Long::sum));
        out.printf(
                "  %d invoices%s%n",
                invoices.size(),
                byStatus.isEmpty() ? "" : ": " + byStatus.toString().replaceAll("[{}]", ""));
        invoices.stream()
                .sorted(Comparator.comparing(Invoice::total).reversed())
                .limit(TOP_INVOICES)
                .forEach(i -> out.printf(
                        "  %-17s %-32s %3d lines  %s %12s  %s%n",
                        i.number(),
                        truncate(config.customers().get(i.customerId()).name(), 32),
                        i.lines().size(),
                        i.currency().getCurrencyCode(),
                        money(i.total().setScale(Money.scale(i.currency()))),
                        i.status()));
        if (invoices.size() > TOP_INVOICES) {
            out.printf("  ... and %d more in invoices.json%n", invoices.size() - TOP_INVOICES);
        }
    }

    private static void discrepancies(PrintWriter out, List<ReconciliationItem> items) {
        out.printf("%nDiscrepancies to review (%d)%n", items.size());
        Map<ReconciliationKind, Long> byKind = new EnumMap<>(ReconciliationKind.class);
        items.forEach(i -> byKind.merge(i.kind(), 1L, Long::sum));
        if (byKind.isEmpty()) {
            out.println("  none");
        }
        byKind.forEach((kind, n) -> out.printf("  %-22s %5d%n", kind, n));
        // One line per distinct failure, not per customer: a source down for 40 customers is one problem.
        Map<String, List<String>> failures = new TreeMap<>();
        items.stream().filter(i -> i.kind() == ReconciliationKind.SOURCE_FAILED).forEach(i -> failures.computeIfAbsent(
                        i.field("error"), e -> new ArrayList<>())
                .add(i.field("customer")));
        failures.forEach((error, customers) -> out.printf(
                "  ! %s%n    no invoice for %d customer(s): %s%n",
                error,
                customers.size(),
                customers.size() <= 5
                        ? String.join(", ", customers)
                        : String.join(", ", customers.subList(0, 5)) + ", ..."));
    }

    private static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(amount.scale());
        return format.format(amount);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
