package io.truecount.connector.files;

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

/**
 * A hand-computed October 2026 invoice (USD, 8.25 % sales tax):
 *
 * <pre>
 * 1  Managed workstations          12 x  45.00                    =  540.00  taxable
 * 2  Managed servers (prorated)     3 x 150.00 x 15/31 = 217.7419  =  217.74  taxable
 * 3  Onboarding, "Gold" package     1 x 250.00                    =  250.00  not taxable
 * 4  Remote support (time)        2.5 h, no single unit price     =  312.50  taxable
 * subtotal 1320.24; tax = round(1070.24 x 8.25 %) = round(88.2948) = 88.29; total 1408.53
 * </pre>
 */
final class FileInvoices {

    static final Currency USD = Currency.getInstance("USD");
    static final TaxRule SALES_TAX = new TaxRule(new BigDecimal("8.25"), "S", null);
    static final Company COMPANY = new Company(
            "Zylker Managed Services",
            USD,
            ZoneId.of("America/New_York"),
            "ZY-",
            new Address("1 Main St", "Suite 200", "Springfield", "12345", "IL", "US"),
            "US123456789",
            30);
    static final Customer CUSTOMER = new Customer(
            "acme",
            "Acme Dental, Inc.",
            USD,
            SALES_TAX,
            new Address("9 Elm Rd", null, "Springfield", "62701", "IL", "US"),
            Map.of(),
            Map.of(),
            null);

    private FileInvoices() {}

    static PushRequest mixed(String number) {
        return request(
                number,
                List.of(
                        line("workstations", "Managed workstations", "12", Unit.EACH, "45.00", "540.00", true),
                        line("servers", "Managed servers (prorated)", "3", Unit.EACH, "150.00", "217.74", true),
                        line("onboarding", "Onboarding, \"Gold\" package", "1", Unit.MONTH, "250.00", "250.00", false),
                        line("support", "Remote support (time)", "2.5", Unit.HOUR, null, "312.50", true)),
                "1320.24",
                "88.29",
                "1408.53");
    }

    /** Every line taxable: 540.00 + 217.74 = 757.74; tax round(62.51355) = 62.51; total 820.25. */
    static PushRequest taxable(String number) {
        return request(
                number,
                List.of(
                        line("workstations", "Managed workstations", "12", Unit.EACH, "45.00", "540.00", true),
                        line("servers", "Managed servers (prorated)", "3", Unit.EACH, "150.00", "217.74", true)),
                "757.74",
                "62.51",
                "820.25");
    }

    static PushRequest request(String number, List<InvoiceLine> lines, String subtotal, String tax, String total) {
        YearMonth period = YearMonth.of(2026, 10);
        Invoice invoice = new Invoice(
                number,
                "acme",
                period,
                USD,
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1),
                period.atDay(1),
                period.atEndOfMonth(),
                lines,
                SALES_TAX,
                new BigDecimal(subtotal),
                new BigDecimal(tax),
                new BigDecimal(total));
        return new PushRequest(PushRequest.keyOf(number, "files"), invoice, COMPANY, CUSTOMER, null);
    }

    private static InvoiceLine line(
            String id,
            String description,
            String quantity,
            Unit unit,
            String unitPrice,
            String amount,
            boolean taxable) {
        return new InvoiceLine(
                "acme-managed",
                id,
                description,
                new BigDecimal(quantity),
                unit,
                unitPrice == null ? null : new BigDecimal(unitPrice),
                new BigDecimal(amount),
                taxable);
    }
}
