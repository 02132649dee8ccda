package io.truecount.app.api;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.invoice.InvoiceListing;
import io.truecount.app.push.Outbox;
import io.truecount.app.push.PushRow;
import io.truecount.app.webhook.PaymentHistory;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import io.truecount.core.invoice.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Component;

/** The invoice JSON of the API: the list row, and the detail with traceability, history, pushes and payments. */
@Component
class InvoiceViews {

    record Summary(
            String number,
            String customer,
            String customerName,
            String period,
            String status,
            String currency,
            String subtotal,
            String tax,
            String total,
            LocalDate issueDate,
            LocalDate dueDate) {}

    record Detail(
            String number,
            String customer,
            String customerName,
            String period,
            String status,
            String currency,
            String subtotal,
            String tax,
            String total,
            LocalDate issueDate,
            LocalDate dueDate,
            LocalDate periodStart,
            LocalDate periodEnd,
            List<Line> lines,
            List<TransitionView> transitions,
            List<Push> pushes,
            List<Payment> payments,
            String holdReason) {}

    /** @param sources what the quantity was counted from, as {@code truecount invoice show} prints them */
    record Line(
            String contract,
            String line,
            String description,
            String quantity,
            String unit,
            String unitPrice,
            String amount,
            boolean taxable,
            List<Source> sources) {}

    record Source(String type, String connector, String externalId, String label) {}

    record TransitionView(String from, String to, Instant at, String actor, String reason) {}

    record Push(
            String connector,
            String state,
            String externalId,
            String externalNumber,
            String externalUrl,
            int attempts,
            Instant nextAttemptAt,
            String error) {}

    record Payment(
            Instant occurredAt,
            String connector,
            String eventId,
            String kind,
            String amount,
            String currency,
            String note) {}

    private final ActiveConfig config;
    private final InvoiceStore store;
    private final Outbox outbox;
    private final PaymentHistory payments;

    InvoiceViews(ActiveConfig config, InvoiceStore store, Outbox outbox, PaymentHistory payments) {
        this.config = config;
        this.store = store;
        this.outbox = outbox;
        this.payments = payments;
    }

    Summary summary(InvoiceListing.Header h) {
        Currency currency = Currency.getInstance(h.currency());
        return new Summary(
                h.number(),
                h.customerId(),
                customerName(h.customerId()),
                h.period(),
                h.status(),
                h.currency(),
                Amounts.money(h.subtotal(), currency),
                Amounts.money(h.tax(), currency),
                Amounts.money(h.total(), currency),
                h.issueDate(),
                h.dueDate());
    }

    Detail detail(Invoice invoice) {
        Currency currency = invoice.currency();
        List<Transition> history = store.transitions(invoice.number());
        return new Detail(
                invoice.number(),
                invoice.customerId(),
                customerName(invoice.customerId()),
                invoice.period().toString(),
                invoice.status().name(),
                currency.getCurrencyCode(),
                Amounts.money(invoice.subtotal(), currency),
                Amounts.money(invoice.taxAmount(), currency),
                Amounts.money(invoice.total(), currency),
                invoice.issueDate(),
                invoice.dueDate(),
                invoice.periodStart(),
                invoice.periodEnd(),
                invoice.lines().stream().map(l -> line(l, currency)).toList(),
                history.stream()
                        .map(t -> new TransitionView(
                                t.from() == null ? null : t.from().name(),
                                t.to().name(),
                                t.at(),
                                t.actor(),
                                t.reason()))
                        .toList(),
                pushes(invoice.number()),
                payments.of(invoice.number()).stream()
                        .map(p -> new Payment(
                                p.occurredAt(),
                                p.connectorId(),
                                p.eventId(),
                                p.kind(),
                                p.amount() == null ? null : p.amount().toPlainString(),
                                p.currency(),
                                p.note()))
                        .toList(),
                holdReason(invoice, history));
    }

    List<Push> pushes(String number) {
        return outbox.of(List.of(number)).stream().map(InvoiceViews::push).toList();
    }

    static Push push(PushRow p) {
        return new Push(
                p.connectorId(),
                p.state().name(),
                p.externalId(),
                p.externalNumber(),
                p.externalUrl(),
                p.attempts(),
                p.nextAttemptAt(),
                p.lastError());
    }

    private static Line line(InvoiceLine l, Currency currency) {
        return new Line(
                l.contractId(),
                l.lineId(),
                l.description(),
                Amounts.quantity(l.quantity()),
                l.unit().name(),
                Amounts.price(l.unitPrice(), currency),
                Amounts.money(l.amount(), currency),
                l.taxable(),
                l.sources().stream()
                        .map(s -> new Source(s.type(), s.connectorId(), s.externalId(), s.label()))
                        .toList());
    }

    /** Why a HELD invoice is held: the reason recorded when it last became HELD. */
    private static String holdReason(Invoice invoice, List<Transition> history) {
        if (invoice.status() != InvoiceStatus.HELD) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Transition t = history.get(i);
            if (t.to() == InvoiceStatus.HELD && t.from() != InvoiceStatus.HELD) {
                return t.reason();
            }
        }
        return null;
    }

    private String customerName(String customerId) {
        Customer customer = config.get().customers().get(customerId);
        return customer == null ? null : customer.name();
    }
}
