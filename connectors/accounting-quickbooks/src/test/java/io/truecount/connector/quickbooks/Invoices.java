package io.truecount.connector.quickbooks;

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

/** Hand-made invoices for the tests of this package. */
final class Invoices {

    static final Currency USD = Currency.getInstance("USD");
    static final TaxRule TAX = new TaxRule(new BigDecimal("8.25"), "S", null);
    static final Address ADDRESS = new Address("1 Main St", null, "Springfield", "12345", null, "US");
    static final Company COMPANY =
            new Company("Zylker Managed Services", USD, ZoneId.of("America/New_York"), "ZY-", ADDRESS, "US1", 30);

    private Invoices() {}

    static InvoiceLine line(
            String description, String quantity, Unit unit, String price, String amount, boolean taxable) {
        return new InvoiceLine(
                "acme-managed",
                description.toLowerCase(java.util.Locale.ROOT),
                description,
                new BigDecimal(quantity),
                unit,
                price == null ? null : new BigDecimal(price),
                new BigDecimal(amount),
                taxable);
    }

    /** 12 x 45.00 = 540.00 taxable; 3 x 150.00 prorated to 319.35 taxable; 7.5 h = 937.50 untaxed. Tax 8.25 %. */
    static Invoice invoice(String number) {
        List<InvoiceLine> lines = List.of(
                line("Workstations", "12", Unit.EACH, "45.00", "540.00", true),
                line("Servers", "3", Unit.EACH, "150.00", "319.35", true),
                line("Support", "7.5", Unit.HOUR, null, "937.50", false));
        return new Invoice(
                number,
                "acme",
                YearMonth.of(2026, 10),
                USD,
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                lines,
                TAX,
                new BigDecimal("1796.85"),
                new BigDecimal("70.90"),
                new BigDecimal("1867.75"));
    }

    static Customer customer(String email) {
        return new Customer("acme", "Acme Dental", USD, TAX, ADDRESS, Map.of(), Map.of("qbo", "58"), null, email);
    }

    static PushRequest request(Invoice invoice) {
        return new PushRequest(
                PushRequest.keyOf(invoice.number(), "qbo"), invoice, COMPANY, customer("ap@acme.example"), "58");
    }
}
