package io.truecount.app.notice;

import io.truecount.app.notice.DunningService.Overdue;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.InvoiceStatus;

/** The text of a payment reminder. */
final class DunningLetter {

    private DunningLetter() {}

    static String body(String company, Customer customer, Overdue invoice, long daysOverdue) {
        String amountLine = invoice.status() == InvoiceStatus.PARTIALLY_PAID
                ? "Invoice total:  " + DunningService.amount(invoice) + " (partly paid; the rest is due)"
                : "Amount due:     " + DunningService.amount(invoice);
        String failed = invoice.status() == InvoiceStatus.PAYMENT_FAILED
                ? "\nThe last attempt to collect this payment failed.\n"
                : "";
        return """
                Dear %s,

                according to our records, invoice %s of %s has not been paid yet.

                Invoice:        %s
                %s
                Due date:       %s
                Days overdue:   %d
                %s
                Please arrange payment at your earliest convenience. If you have paid in the meantime, please
                disregard this reminder.

                Kind regards,
                %s
                """
                .formatted(
                        customer.name(),
                        invoice.number(),
                        invoice.issueDate(),
                        invoice.number(),
                        amountLine,
                        invoice.dueDate(),
                        daysOverdue,
                        failed,
                        company);
    }
}
