package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.cycle.CycleResult;
import io.truecount.app.sync.SyncResult;
import io.truecount.core.billing.PrepaidStatement;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger.Divergence;
import io.truecount.core.money.Money;
import io.truecount.core.reconciliation.ReconciliationItem;
import io.truecount.core.reconciliation.ReconciliationKind;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The readable summary {@code truecount cycle} prints on stdout: sources, invoices, totals, held and divergent
 * invoices, prepaid balances, discrepancies, files.
 */
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
        unbilledContracts(out, result.unbilledContracts());
        held(out, config, result);
        divergences(out, result.divergences());
        prepaid(out, result.prepaid());
        discrepancies(out, result.items());
        out.printf("%nFiles%n");
        out.printf("  %s%n", result.files().invoicesJson());
        out.printf("  %s%n", result.files().reconciliationJson());
        out.printf("  %s%n", result.files().prepaidHoursJson());
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

    /** Contracts whose e-signature has not completed bill nothing; the admin should know which and why. */
    private static void unbilledContracts(PrintWriter out, List<String> unbilled) {
        if (unbilled.isEmpty()) {
            return;
        }
        out.printf("%nContracts not billed (%d)%n", unbilled.size());
        unbilled.forEach(line -> out.printf("  %s%n", line));
    }

    private static void held(PrintWriter out, TruecountConfig config, CycleResult result) {
        if (result.holds().isEmpty()) {
            return;
        }
        out.printf(
                "%nHeld invoices (%d): not approved or pushed until released%n",
                result.holds().size());
        for (Invoice invoice : result.invoices()) {
            String reason = result.holds().get(invoice.number());
            if (reason != null) {
                out.printf(
                        "  %-17s %-32s %s%n",
                        invoice.number(), truncate(customerName(config, invoice.customerId()), 32), reason);
            }
        }
    }

    /** Frozen invoices the data no longer matches: never changed silently, so a person is told how to correct them. */
    private static void divergences(PrintWriter out, List<Divergence> divergences) {
        if (divergences.isEmpty()) {
            return;
        }
        out.printf("%nInvoices that no longer match the data (%d)%n", divergences.size());
        for (Divergence d : divergences) {
            Invoice invoice = d.invoice();
            String now = amount(d.wanted().total(), invoice);
            String was = amount(invoice.total(), invoice);
            String what = now.equals(was)
                    ? "the data still bills " + now + " but with different lines"
                    : "the data now bills " + now + " instead of " + was;
            String fix = invoice.status().isPosted()
                    ? "correct it with `truecount invoice credit " + invoice.number() + "`"
                    : "void it with `truecount invoice void " + invoice.number() + "` to bill the period again";
            out.printf(
                    "  %s (%s) is %s but %s: %s%n",
                    invoice.number(), invoice.customerId(), invoice.status(), what, fix);
        }
    }

    private static void prepaid(PrintWriter out, List<PrepaidStatement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        out.printf("%nPrepaid hours (%d balances)%n", statements.size());
        statements.stream()
                .sorted(Comparator.comparing(PrepaidStatement::customerId))
                .forEach(s -> out.printf(
                        "  %-16s %-20s %-16s balance %s h%n",
                        s.customerId(),
                        s.contractId(),
                        s.lineId(),
                        s.balance().stripTrailingZeros().toPlainString()));
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

    private static String amount(BigDecimal amount, Invoice invoice) {
        return money(amount.setScale(Money.scale(invoice.currency()), RoundingMode.HALF_UP));
    }

    private static String customerName(TruecountConfig config, String customerId) {
        Customer customer = config.customers().get(customerId);
        return customer == null ? customerId : customer.name();
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
