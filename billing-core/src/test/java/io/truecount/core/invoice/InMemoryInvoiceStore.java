package io.truecount.core.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The store port in memory, recording what the ledger asked of it. */
public final class InMemoryInvoiceStore implements InvoiceStore {

    final Map<String, Invoice> byNumber = new LinkedHashMap<>();
    final Map<String, Long> sequences = new HashMap<>();
    final List<Transition> history = new ArrayList<>();
    final List<CreditNote> creditNotes = new ArrayList<>();
    final Set<String> credited = new HashSet<>();
    int writes;

    @Override
    public Optional<Invoice> find(String customerId, YearMonth period) {
        return current()
                .filter(i -> i.customerId().equals(customerId) && i.period().equals(period))
                .findFirst();
    }

    @Override
    public Optional<Invoice> findByNumber(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public List<Invoice> findByPeriod(YearMonth period) {
        return current().filter(i -> i.period().equals(period)).toList();
    }

    @Override
    public Optional<Invoice> findPrevious(String customerId, YearMonth before) {
        return current()
                .filter(i -> i.customerId().equals(customerId)
                        && i.period().isBefore(before)
                        && i.status() != InvoiceStatus.VOID)
                .max(Comparator.comparing(Invoice::period));
    }

    private java.util.stream.Stream<Invoice> current() {
        return byNumber.values().stream().filter(i -> !credited.contains(i.number()));
    }

    @Override
    public long reserveSequence(String prefix, YearMonth period) {
        return sequences.merge(prefix + period, 1L, Long::sum);
    }

    @Override
    public void insert(Invoice invoice) {
        if (byNumber.putIfAbsent(invoice.number(), invoice) != null) {
            throw new IllegalStateException("number reused: " + invoice.number());
        }
        writes++;
    }

    @Override
    public void update(Invoice invoice) {
        if (byNumber.replace(invoice.number(), invoice) == null) {
            throw new IllegalStateException("no invoice " + invoice.number());
        }
        writes++;
    }

    @Override
    public void recordTransition(
            String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at) {
        history.add(new Transition(number, from, to, actor, reason, at));
    }

    @Override
    public List<Transition> transitions(String number) {
        return history.stream().filter(t -> t.number().equals(number)).toList();
    }

    @Override
    public void insertCreditNote(CreditNote note) {
        creditNotes.add(note);
        credited.add(note.invoiceNumber());
    }

    @Override
    public List<CreditNote> creditNotes(YearMonth period) {
        return creditNotes.stream().filter(n -> n.period().equals(period)).toList();
    }

    /** Transitions as text, for assertions: {@code NUMBER FROM->TO by ACTOR: REASON}. */
    List<String> transitionLines() {
        return history.stream()
                .map(t -> t.number() + " " + t.from() + "->" + t.to() + " by " + t.actor() + ": " + t.reason())
                .toList();
    }
}
