package io.truecount.connector.gocardless;

import io.truecount.connector.push.PushRequest;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import io.truecount.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** A hand-computed invoice with a prorated line, an untaxed line and 20 % VAT. */
final class Invoices {

    static final Currency GBP = Currency.getInstance("GBP");
    static final TaxRule VAT = new TaxRule(new BigDecimal("20"), "S", null);
    static final Company COMPANY = new Company(
            "Zylker Managed Services",
            GBP,
            ZoneId.of("Europe/London"),
            "ZY-",
            new Address("1 Main St", null, "Leeds", "LS1 1AA", null, "GB"),
            "GB123456789",
            30);
    static final Customer CUSTOMER = new Customer(
            "acme",
            "Acme Dental",
            GBP,
            VAT,
            new Address("9 Elm Rd", null, "Leeds", null, null, "GB"),
            Map.of(),
            Map.of("gc", "MD0001"),
            null);

    private Invoices() {}

    /**
     * 18 x 45.00 = 810.00; 3 servers x 120.00 for 20 of 31 days = 232.258... = 232.26; backup 99.99 untaxed. Subtotal
     * 1142.25; VAT 20 % of 1042.26 = 208.452 = 208.45; total 1350.70, that is 135070 pence.
     */
    static Invoice october(String number) {
        List<InvoiceLine> lines = List.of(
                line("workstations", "Managed workstation", "18", "45.00", "810.00", true),
                line("servers", "Managed server (from 12 Oct)", "3", "120.00", "232.26", true),
                line("backup", "Cloud backup", "1", "99.99", "99.99", false));
        return invoice(number, lines, "1142.25", "208.45", "1350.70");
    }

    static Invoice invoice(String number, List<InvoiceLine> lines, String subtotal, String tax, String total) {
        return new Invoice(
                number,
                "acme",
                YearMonth.of(2026, 10),
                GBP,
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                lines,
                VAT,
                new BigDecimal(subtotal),
                new BigDecimal(tax),
                new BigDecimal(total));
    }

    static InvoiceLine line(
            String id, String description, String quantity, String unitPrice, String amount, boolean taxable) {
        return new InvoiceLine(
                "acme-managed",
                id,
                description,
                new BigDecimal(quantity),
                Unit.EACH,
                new BigDecimal(unitPrice),
                new BigDecimal(amount),
                taxable);
    }

    static PushRequest push(Invoice invoice, String mandate) {
        return new PushRequest(PushRequest.keyOf(invoice.number(), "gc"), invoice, COMPANY, CUSTOMER, mandate);
    }
}
