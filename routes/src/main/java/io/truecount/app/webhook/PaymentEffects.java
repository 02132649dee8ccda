package io.truecount.app.webhook;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.push.Outbox;
import io.truecount.app.push.PushRow;
import io.truecount.connector.webhook.WebhookEffect.Payment;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies what a payment gateway reported to one of our invoices, in the inbox worker's transaction. Every event goes
 * into the invoice's payment history; the status follows state rules that make the order of delivery irrelevant:
 *
 * <ul>
 *   <li>a payment wins: PAID after PAYMENT_FAILED is the customer paying after a failed attempt;
 *   <li>a failure never undoes a payment: a late {@code payment_failed} after PAID is history only;
 *   <li>refunds, disputes and pay-outs are history: the invoice stays what it is, the admin sees them.
 * </ul>
 */
@Component
class PaymentEffects {

    /** A dispute names only its charge; the payment naming that charge may not have been processed yet. */
    static final class NotYetKnownException extends RuntimeException {
        NotYetKnownException(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final InvoiceStore invoices;
    private final Outbox outbox;
    private final ActiveConfig config;
    private final Clock clock;

    PaymentEffects(JdbcTemplate jdbc, InvoiceStore invoices, Outbox outbox, ActiveConfig config, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** @return what happened, for the inbox row */
    String apply(String connectorId, String eventId, Payment payment) {
        Optional<String> found = invoiceOf(connectorId, payment);
        if (found.isEmpty()) {
            if (payment.invoiceNumber() == null && payment.externalId() == null && payment.chargeId() != null) {
                throw new NotYetKnownException("no payment with charge " + payment.chargeId() + " is known yet");
            }
            return "ignored: not an invoice Truecount pushed (" + describe(payment) + ")";
        }
        String number = found.get();
        // Two workers may apply events of one invoice at once (a payment and a failure delivered together): the row
        // lock makes the second wait and then see the first's status, so the state rules see every event in turn.
        // Only the status is read: most events (a redelivered payment, a late failure) change nothing else.
        InvoiceStatus status = InvoiceStatus.valueOf(
                jdbc.queryForObject("select status from invoice where number = ? for update", String.class, number));
        String note = transition(number, status, payment, connectorId + " " + eventId);
        jdbc.update(
                "insert into payment_event (invoice_number, connector_id, event_id, kind, amount, currency, charge_id,"
                        + " occurred_at, recorded_at, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing",
                number,
                connectorId,
                eventId,
                payment.kind().name(),
                payment.amount(),
                payment.currency() == null ? null : payment.currency().getCurrencyCode(),
                payment.chargeId(),
                Timestamp.from(payment.occurredAt()),
                Timestamp.from(clock.instant()),
                note);
        return number + ": " + note;
    }

    private String transition(String number, InvoiceStatus status, Payment payment, String actor) {
        InvoiceLedger ledger = new InvoiceLedger(invoices, config.get().company(), clock);
        String detail = payment.detail() == null ? "" : " (" + payment.detail() + ")";
        InvoiceStatus target =
                switch (payment.kind()) {
                    case PAID -> InvoiceStatus.PAID;
                    case FAILED -> InvoiceStatus.PAYMENT_FAILED;
                    default -> null;
                };
        if (target == null) {
            return payment.kind().name().toLowerCase().replace('_', ' ') + " recorded" + detail;
        }
        if (status == target) {
            return "already " + status + detail;
        }
        if (status == InvoiceStatus.APPROVED) {
            // The gateway has the invoice before our push recorded it (its answer is still on the way).
            ledger.transition(number, InvoiceStatus.POSTED, actor, "payment reported before push recorded");
            status = InvoiceStatus.POSTED;
        }
        if (!status.canBecome(target)) {
            return payment.kind() == PaymentKind.FAILED && status == InvoiceStatus.PAID
                    ? "late payment failure ignored: the invoice is already PAID" + detail
                    : payment.kind().name().toLowerCase() + " recorded; the invoice is " + status + " and stays so"
                            + detail;
        }
        ledger.transition(number, target, actor, payment.kind().name().toLowerCase() + detail);
        return status + " -> " + target + detail;
    }

    /** The number of the invoice the event is about, if it is one of ours. */
    private Optional<String> invoiceOf(String connectorId, Payment payment) {
        if (payment.externalId() != null) {
            Optional<PushRow> push = outbox.byExternalId(connectorId, payment.externalId());
            if (push.isPresent()) {
                return Optional.of(push.get().invoiceNumber());
            }
        }
        if (payment.invoiceNumber() != null) {
            List<String> numbers = jdbc.queryForList(
                    "select number from invoice where number = ?", String.class, payment.invoiceNumber());
            if (!numbers.isEmpty()) {
                return Optional.of(numbers.get(0));
            }
        }
        if (payment.chargeId() != null) {
            List<String> numbers = jdbc.queryForList(
                    "select invoice_number from payment_event where connector_id = ? and charge_id = ? limit 1",
                    String.class,
                    connectorId,
                    payment.chargeId());
            if (!numbers.isEmpty()) {
                return Optional.of(numbers.get(0));
            }
        }
        return Optional.empty();
    }

    private static String describe(Payment payment) {
        StringBuilder s = new StringBuilder(payment.kind().name().toLowerCase());
        if (payment.externalId() != null) {
            s.append(' ').append(payment.externalId());
        }
        if (payment.invoiceNumber() != null) {
            s.append(" invoice ").append(payment.invoiceNumber());
        }
        return s.toString();
    }
}
