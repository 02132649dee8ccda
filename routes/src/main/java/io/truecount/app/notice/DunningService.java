package io.truecount.app.notice;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.DunningSettings;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.money.Money;
import io.truecount.core.notice.DunningSchedule;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment reminders for overdue invoices ({@code dunning:}). Each step of an invoice is claimed and sent in one
 * transaction: it locks the invoice row and re-reads its status (a payment recorded a moment ago stops the reminder),
 * inserts the {@code dunning_notice} row, sends, and commits only once the SMTP server took the message; a failed send
 * rolls the claim back so the next run tries again.
 *
 * <p>A crash between the server taking the message and the commit loses the claim, so the next run sends that step
 * again: a customer may, rarely, get a reminder twice, but a due reminder is never silently lost.
 */
@Component
public class DunningService {

    /** Invoices the customer's books hold and that are not (fully) paid: VOID, PAID and credited ones never qualify. */
    static final Set<InvoiceStatus> DUNNABLE =
            EnumSet.of(InvoiceStatus.POSTED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAYMENT_FAILED);

    private static final String DUNNABLE_SQL = "('POSTED', 'PARTIALLY_PAID', 'PAYMENT_FAILED')";

    /** One overdue invoice as the reminder needs it. */
    record Overdue(
            String number,
            String customerId,
            InvoiceStatus status,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal total,
            Currency currency) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ActiveConfig config;
    private final Mailer mailer;
    private final Clock clock;

    public DunningService(
            JdbcTemplate jdbc, TransactionTemplate transaction, ActiveConfig config, Mailer mailer, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.config = config;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends the reminders due on {@code today} (a date in the company's timezone). */
    public void run(LocalDate today, NoticeReport report) {
        DunningSettings settings = config.get().dunning();
        if (settings == null) {
            return;
        }
        DunningSchedule schedule = new DunningSchedule(settings.reminderDays());
        Map<String, Set<Integer>> sent = sentSteps();
        for (Overdue invoice : overdue(today)) {
            OptionalInt step = schedule.due(invoice.dueDate(), today, sent.getOrDefault(invoice.number(), Set.of()));
            if (step.isEmpty()) {
                continue;
            }
            String what = "invoice " + invoice.number() + " (" + invoice.customerId() + "): reminder " + step.getAsInt()
                    + " days overdue";
            Customer customer = config.get().customers().get(invoice.customerId());
            if (customer == null || customer.billingEmail() == null) {
                report.done(what + " not sent: customer " + invoice.customerId() + " has no billing-email");
                continue;
            }
            try {
                String done = transaction.execute(
                        status -> claimAndSend(invoice, step.getAsInt(), customer, today, settings));
                if (done != null) {
                    report.done(what + " " + done);
                }
            } catch (NoticeFailedException e) {
                report.failed(what + ": " + e.getMessage());
            } catch (DataAccessException e) {
                report.failed(what + ": " + e.getMostSpecificCause().getMessage());
            }
        }
    }

    /** @return what happened, or null when another run claimed the step first */
    private String claimAndSend(
            Overdue invoice, int step, Customer customer, LocalDate today, DunningSettings settings) {
        List<String> status = jdbc.queryForList(
                "select status from invoice where number = ? and credited_by is null for update",
                String.class,
                invoice.number());
        if (status.isEmpty() || !DUNNABLE.contains(InvoiceStatus.valueOf(status.get(0)))) {
            return "not sent: the invoice is " + (status.isEmpty() ? "credited" : status.get(0)) + " now";
        }
        long daysOverdue = DunningSchedule.daysOverdue(invoice.dueDate(), today);
        int claimed = jdbc.update(
                """
                insert into dunning_notice (invoice_number, step, recipient, days_overdue, sent_at)
                values (?, ?, ?, ?, ?)
                on conflict (invoice_number, step) do nothing
                """,
                invoice.number(),
                step,
                customer.billingEmail(),
                daysOverdue,
                Timestamp.from(clock.instant()));
        if (claimed == 0) {
            return null;
        }
        mailer.send(
                settings.from(),
                customer.billingEmail(),
                subject(settings.subject(), invoice, daysOverdue),
                DunningLetter.body(config.get().company().name(), customer, invoice, daysOverdue));
        return "sent to " + customer.billingEmail();
    }

    private String subject(String template, Overdue invoice, long daysOverdue) {
        return template.replace("{number}", invoice.number())
                .replace("{days}", String.valueOf(daysOverdue))
                .replace("{amount}", amount(invoice))
                .replace("{due-date}", invoice.dueDate().toString())
                .replace("{company}", config.get().company().name());
    }

    static String amount(Overdue invoice) {
        return invoice.currency().getCurrencyCode() + " "
                + invoice.total()
                        .setScale(Money.scale(invoice.currency()), Money.ROUNDING)
                        .toPlainString();
    }

    private List<Overdue> overdue(LocalDate today) {
        return jdbc.query(
                "select number, customer_id, status, issue_date, due_date, total, currency from invoice"
                        + " where status in " + DUNNABLE_SQL + " and credited_by is null and due_date < ?"
                        + " order by due_date, number",
                (rs, i) -> new Overdue(
                        rs.getString("number"),
                        rs.getString("customer_id"),
                        InvoiceStatus.valueOf(rs.getString("status")),
                        rs.getObject("issue_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("total"),
                        Currency.getInstance(rs.getString("currency"))),
                Date.valueOf(today));
    }

    private Map<String, Set<Integer>> sentSteps() {
        Map<String, Set<Integer>> sent = new HashMap<>();
        jdbc.query(
                "select d.invoice_number, d.step from dunning_notice d join invoice i on i.number = d.invoice_number"
                        + " where i.status in " + DUNNABLE_SQL,
                rs -> {
                    sent.computeIfAbsent(rs.getString(1), n -> new HashSet<>()).add(rs.getInt(2));
                });
        return sent;
    }
}
