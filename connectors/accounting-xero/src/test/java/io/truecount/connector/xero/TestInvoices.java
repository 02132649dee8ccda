package io.truecount.connector.xero;

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

/** A hand-computed October 2026 invoice at 8.25 % tax, with an exact, a prorated, a tiered and a time line. */
final class TestInvoices {

    static final Currency USD = Currency.getInstance("USD");
    static final String CONTACT_ID = "430fa14a-f945-44d3-9f97-5df5e28441b8";
    static final TaxRule TAX = new TaxRule(new BigDecimal("8.25"), "S", null);

    private TestInvoices() {}

    static InvoiceLine line(
            String id, String description, String quantity, Unit unit, String price, String amount, boolean taxable) {
        return new InvoiceLine(
                "acme-managed",
                id,
                description,
                new BigDecimal(quantity),
                unit,
                price == null ? null : new BigDecimal(price),
                new BigDecimal(amount),
                taxable);
    }

    /**
     * 18 x 45.00 = 810.00; 3 servers x 150.00 prorated 17/31 = 246.77; 25 backups tiered = 412.50; 2.25 h x 95.00 =
     * 213.75 not taxable; 1.5 h x 33.33 = 49.995, rounded 50.00. Subtotal 1733.02, taxable 1519.27, tax
     * round(1519.27 x 8.25 %) = 125.34, total 1858.36.
     */
    static Invoice october() {
        return invoice(
                List.of(
                        line("workstations", "Managed workstation", "18", Unit.EACH, "45.00", "810.00", true),
                        line("servers", "Managed server", "3", Unit.EACH, "150.00", "246.77", true),
                        line("backup", "Cloud backup", "25", Unit.EACH, null, "412.50", true),
                        line("onsite", "Onsite work", "2.25", Unit.HOUR, "95.00", "213.75", false),
                        line("remote", "Remote work", "1.5", Unit.HOUR, "33.33", "50.00", true)),
                "1733.02",
                "125.34",
                "1858.36");
    }

    static Invoice invoice(List<InvoiceLine> lines, String subtotal, String tax, String total) {
        return new Invoice(
                "ZY-202610-00001",
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
                new BigDecimal(subtotal),
                new BigDecimal(tax),
                new BigDecimal(total));
    }

    static PushRequest request(Invoice invoice, String accountId) {
        Address address = new Address("1 Main St", null, "Springfield", "12345", null, "US");
        Company company = new Company(
                "Zylker Managed Services", USD, ZoneId.of("America/New_York"), "ZY-", address, "US123456789", 30);
        Customer customer =
                new Customer("acme", "Acme Dental", USD, TAX, address, Map.of(), Map.of("xero", accountId), null);
        return new PushRequest(PushRequest.keyOf(invoice.number(), "xero"), invoice, company, customer, accountId);
    }
}
