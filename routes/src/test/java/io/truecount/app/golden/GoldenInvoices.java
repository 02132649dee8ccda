package io.truecount.app.golden;

import static io.truecount.app.golden.GoldenObservations.list;
import static io.truecount.app.golden.GoldenObservations.map;
import static io.truecount.app.golden.GoldenObservations.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.config.TruecountConfig;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Expected invoice lines of golden cases, and the earlier invoices a case starts from. */
final class GoldenInvoices {

    private GoldenInvoices() {}

    /** Compares the fields the case gives; decimals must match in value and in scale, as exports print them. */
    static void checkLine(String what, Map<String, Object> want, InvoiceLine line) {
        String actual = what + " " + line;
        assertThat(line.contractId()).as(actual + " contract").isEqualTo(text(want.get("contract")));
        assertThat(line.lineId()).as(actual + " line").isEqualTo(text(want.get("line")));
        checkDecimal(actual + " quantity", want.get("quantity"), line.quantity());
        if (want.containsKey("unit-price")) {
            checkDecimal(actual + " unit price", want.get("unit-price"), line.unitPrice());
        } else {
            assertThat(line.unitPrice())
                    .as(actual + " unit price (none expected)")
                    .isNull();
        }
        checkDecimal(actual + " amount", want.get("amount"), line.amount());
        if (want.containsKey("description")) {
            assertThat(line.description()).as(actual + " description").isEqualTo(text(want.get("description")));
        }
        if (want.containsKey("taxable")) {
            assertThat(line.taxable()).as(actual + " taxable").isEqualTo(Boolean.TRUE.equals(want.get("taxable")));
        }
        if (want.containsKey("sources")) {
            assertThat(line.sources().stream().map(s -> s.type() + ":" + s.connectorId() + ":" + s.externalId()))
                    .as(actual + " sources")
                    .containsExactlyElementsOf(list(want.get("sources")).stream()
                            .map(GoldenObservations::text)
                            .toList());
        }
    }

    static void checkDecimal(String what, Object expected, BigDecimal actual) {
        if (expected == null) {
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.toPlainString()).as(what).isEqualTo(text(expected));
    }

    /** An invoice of an earlier period, as far as a case needs one: its lines' quantities and its status. */
    static Invoice previous(Map<String, Object> spec, TruecountConfig config) {
        Customer customer = config.customers().get(text(spec.get("customer")));
        YearMonth period = YearMonth.parse(text(spec.get("period")));
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (Object item : list(spec.get("lines"))) {
            Map<String, Object> l = map(item);
            BigDecimal amount = new BigDecimal(text(l.getOrDefault("amount", "0.00")));
            subtotal = subtotal.add(amount);
            lines.add(new InvoiceLine(
                    text(l.get("contract")),
                    text(l.get("line")),
                    "previous",
                    new BigDecimal(text(l.get("quantity"))),
                    InvoiceLine.Unit.EACH,
                    null,
                    amount,
                    true));
        }
        LocalDate start = period.atDay(1);
        return new Invoice(
                text(spec.get("number")),
                customer.id(),
                period,
                customer.currency(),
                InvoiceStatus.valueOf(text(spec.getOrDefault("status", "POSTED"))),
                start,
                start.plusDays(30),
                start,
                period.atEndOfMonth(),
                lines,
                customer.tax(),
                subtotal,
                BigDecimal.ZERO,
                subtotal);
    }
}
