package io.truecount.app.invoice;

import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import io.truecount.core.invoice.Transition;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing core's invoice store on PostgreSQL. Callers hold the transaction; every method joins it. An invoice a
 * credit note credited ({@code credited_by} set) is no longer its (customer, period)'s current invoice.
 */
@Repository
public class JdbcInvoiceStore implements InvoiceStore {

    private static final String COLUMNS = "number, customer_id, period, currency, status, issue_date, due_date,"
            + " period_start, period_end, tax_rate, tax_category, tax_exemption_reason, subtotal, tax_amount, total";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LineTable lines;
    private final CreditNoteTable creditNotes;
    private final List<ApprovalListener> approvalListeners;
    private final List<TransitionListener> transitionListeners;

    public JdbcInvoiceStore(
            JdbcTemplate jdbc, TransactionTemplate transaction, List<ApprovalListener> approvalListeners) {
        this(jdbc, transaction, approvalListeners, List.of());
    }

    @Autowired
    public JdbcInvoiceStore(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            List<ApprovalListener> approvalListeners,
            List<TransitionListener> transitionListeners) {
        this.jdbc = jdbc;
        this.approvalListeners = List.copyOf(approvalListeners);
        this.transitionListeners = List.copyOf(transitionListeners);
        this.transaction = transaction;
        this.lines = new LineTable(jdbc, "invoice_line", "invoice_line_source", "invoice_number");
        this.creditNotes = new CreditNoteTable(jdbc);
    }

    @Override
    public Optional<Invoice> find(String customerId, YearMonth period) {
        return invoices("where customer_id = ? and period = ? and credited_by is null", customerId, period.toString())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Invoice> findByNumber(String number) {
        return invoices("where number = ?", number).stream().findFirst();
    }

    @Override
    public List<Invoice> findByPeriod(YearMonth period) {
        return invoices("where period = ? and credited_by is null order by customer_id", period.toString());
    }

    @Override
    public Optional<Invoice> findPrevious(String customerId, YearMonth before) {
        // Periods are YYYY-MM text, so their text order is their time order.
        return invoices(
                        "where customer_id = ? and period < ? and status <> 'VOID' and credited_by is null"
                                + " order by period desc limit 1",
                        customerId,
                        before.toString())
                .stream()
                .findFirst();
    }

    @Override
    public long reserveSequence(String prefix, YearMonth period) {
        // One statement, so two instances numbering at once still never get the same value.
        return jdbc.queryForObject(
                "insert into invoice_sequence (prefix, period, last_value) values (?, ?, 1)"
                        + " on conflict (prefix, period) do update set last_value = invoice_sequence.last_value + 1"
                        + " returning last_value",
                Long.class,
                prefix,
                period.toString());
    }

    @Override
    public void insert(Invoice invoice) {
        jdbc.update(
                "insert into invoice (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                invoice.number(),
                invoice.customerId(),
                invoice.period().toString(),
                invoice.currency().getCurrencyCode(),
                invoice.status().name(),
                Date.valueOf(invoice.issueDate()),
                Date.valueOf(invoice.dueDate()),
                Date.valueOf(invoice.periodStart()),
                Date.valueOf(invoice.periodEnd()),
                invoice.tax().ratePercent(),
                invoice.tax().category(),
                invoice.tax().exemptionReason(),
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total());
        lines.insert(invoice.number(), invoice.lines());
    }

    @Override
    public void update(Invoice invoice) {
        jdbc.update(
                "update invoice set status = ?, period_start = ?, period_end = ?, tax_rate = ?, tax_category = ?,"
                        + " tax_exemption_reason = ?, subtotal = ?, tax_amount = ?, total = ?, updated_at = now()"
                        + " where number = ?",
                invoice.status().name(),
                Date.valueOf(invoice.periodStart()),
                Date.valueOf(invoice.periodEnd()),
                invoice.tax().ratePercent(),
                invoice.tax().category(),
                invoice.tax().exemptionReason(),
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total(),
                invoice.number());
        lines.delete(invoice.number());
        lines.insert(invoice.number(), invoice.lines());
    }

    @Override
    public void recordTransition(
            String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at) {
        jdbc.update(
                "insert into invoice_transition (invoice_number, from_status, to_status, actor, reason, at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                number,
                from == null ? null : from.name(),
                to.name(),
                actor,
                reason,
                Timestamp.from(at));
        transitionListeners.forEach(l -> l.transitioned(number, from, to, actor, reason, at));
        if (to == InvoiceStatus.APPROVED && from != InvoiceStatus.APPROVED) {
            approvalListeners.forEach(l -> l.approved(number, at));
        }
    }

    @Override
    public List<Transition> transitions(String number) {
        return jdbc.query(
                "select from_status, to_status, actor, reason, at from invoice_transition where invoice_number = ?"
                        + " order by id",
                (rs, n) -> new Transition(
                        number,
                        rs.getString(1) == null ? null : InvoiceStatus.valueOf(rs.getString(1)),
                        InvoiceStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                number);
    }

    @Override
    public void insertCreditNote(CreditNote note) {
        // Its own transaction when the caller has none: a credit note never exists without its invoice marked.
        transaction.executeWithoutResult(status -> {
            int marked = jdbc.update(
                    "update invoice set credited_by = ?, updated_at = now() where number = ? and credited_by is null",
                    note.number(),
                    note.invoiceNumber());
            if (marked != 1) {
                throw new IllegalStateException(
                        "invoice " + note.invoiceNumber() + " does not exist or is already credited");
            }
            creditNotes.insert(note);
        });
    }

    @Override
    public List<CreditNote> creditNotes(YearMonth period) {
        return creditNotes.byPeriod(period);
    }

    /** Invoices selected by a clause over {@code invoice}, with their lines loaded in two queries. */
    private List<Invoice> invoices(String clause, Object... args) {
        List<Invoice> headers =
                jdbc.query("select " + COLUMNS + " from invoice " + clause, (rs, n) -> header(rs), args);
        Map<String, List<InvoiceLine>> byNumber =
                lines.load(headers.stream().map(Invoice::number).toList());
        return headers.stream()
                .map(h -> withLines(h, byNumber.getOrDefault(h.number(), List.of())))
                .toList();
    }

    private static Invoice header(ResultSet rs) throws SQLException {
        return new Invoice(
                rs.getString("number"),
                rs.getString("customer_id"),
                YearMonth.parse(rs.getString("period")),
                Currency.getInstance(rs.getString("currency")),
                InvoiceStatus.valueOf(rs.getString("status")),
                rs.getDate("issue_date").toLocalDate(),
                rs.getDate("due_date").toLocalDate(),
                rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(),
                List.of(),
                taxRule(rs),
                rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("tax_amount"),
                rs.getBigDecimal("total"));
    }

    /** The tax columns invoices and credit notes share. */
    static TaxRule taxRule(ResultSet rs) throws SQLException {
        return new TaxRule(
                rs.getBigDecimal("tax_rate"), rs.getString("tax_category"), rs.getString("tax_exemption_reason"));
    }

    private static Invoice withLines(Invoice h, List<InvoiceLine> invoiceLines) {
        return new Invoice(
                h.number(),
                h.customerId(),
                h.period(),
                h.currency(),
                h.status(),
                h.issueDate(),
                h.dueDate(),
                h.periodStart(),
                h.periodEnd(),
                invoiceLines,
                h.tax(),
                h.subtotal(),
                h.taxAmount(),
                h.total());
    }
}
