package io.truecount.core.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger's store port in memory, for core tests and the benchmarks (published in the test-jar). Indexed the way
 * PostgreSQL indexes it (by number, by customer and period), so a benchmark of 10,000 customers measures the ledger
 * and not linear scans of a test double.
 */
public final class InMemoryInvoiceStore implements InvoiceStore {

    /** Inserts and updates so far: a re-run that changes nothing writes nothing. */
    int writes;

    private final Map<String, Invoice> byNumber = new HashMap<>();
    /** Customer to period to the number of its current (not credited) invoice. */
    private final Map<String, NavigableMap<YearMonth, String>> current = new HashMap<>();

    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, List<Transition>> transitions = new HashMap<>();
    private final List<CreditNote> creditNotes = new ArrayList<>();

    /** An independent copy: runs against it leave this store as it is. */
    public InMemoryInvoiceStore copy() {
        InMemoryInvoiceStore copy = new InMemoryInvoiceStore();
        copy.byNumber.putAll(byNumber);
        current.forEach((customer, periods) -> copy.current.put(customer, new TreeMap<>(periods)));
        copy.sequences.putAll(sequences);
        transitions.forEach((number, list) -> copy.transitions.put(number, new ArrayList<>(list)));
        copy.creditNotes.addAll(creditNotes);
        return copy;
    }

    public int size() {
        return byNumber.size();
    }

    @Override
    public Optional<Invoice> find(String customerId, YearMonth period) {
        NavigableMap<YearMonth, String> periods = current.get(customerId);
        return periods == null
                ? Optional.empty()
                : Optional.ofNullable(periods.get(period)).map(byNumber::get);
    }

    @Override
    public Optional<Invoice> findByNumber(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public List<Invoice> findByPeriod(YearMonth period) {
        List<Invoice> result = new ArrayList<>();
        current.forEach((customer, periods) -> {
            String number = periods.get(period);
            if (number != null) {
                result.add(byNumber.get(number));
            }
        });
        result.sort(Comparator.comparing(Invoice::customerId));
        return result;
    }

    @Override
    public Optional<Invoice> findPrevious(String customerId, YearMonth before) {
        NavigableMap<YearMonth, String> periods = current.get(customerId);
        if (periods == null) {
            return Optional.empty();
        }
        for (String number : periods.headMap(before, false).descendingMap().values()) {
            Invoice invoice = byNumber.get(number);
            if (invoice.status() != InvoiceStatus.VOID) {
                return Optional.of(invoice);
            }
        }
        return Optional.empty();
    }

    @Override
    public long reserveSequence(String prefix, YearMonth period) {
        return sequences.merge(prefix + period, 1L, Long::sum);
    }

    @Override
    public void insert(Invoice invoice) {
        if (byNumber.putIfAbsent(invoice.number(), invoice) != null) {
            throw new IllegalStateException("invoice number reused: " + invoice.number());
        }
        String previous = current.computeIfAbsent(invoice.customerId(), c -> new TreeMap<>())
                .putIfAbsent(invoice.period(), invoice.number());
        if (previous != null) {
            throw new IllegalStateException("customer " + invoice.customerId() + " already has invoice " + previous
                    + " for " + invoice.period());
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
        transitions
                .computeIfAbsent(number, n -> new ArrayList<>())
                .add(new Transition(number, from, to, actor, reason, at));
    }

    @Override
    public List<Transition> transitions(String number) {
        return List.copyOf(transitions.getOrDefault(number, List.of()));
    }

    @Override
    public void insertCreditNote(CreditNote note) {
        Invoice credited = byNumber.get(note.invoiceNumber());
        if (credited == null) {
            throw new IllegalStateException("no invoice " + note.invoiceNumber());
        }
        creditNotes.add(note);
        current.get(credited.customerId()).remove(credited.period(), credited.number());
    }

    @Override
    public List<CreditNote> creditNotes(YearMonth period) {
        return creditNotes.stream()
                .filter(n -> n.period().equals(period))
                .sorted(Comparator.comparing(CreditNote::number))
                .toList();
    }

    /** Every transition as text, for assertions: {@code NUMBER FROM->TO by ACTOR: REASON}. */
    List<String> transitionLines() {
        return transitions.values().stream()
                .flatMap(List::stream)
                .map(t -> t.number() + " " + t.from() + "->" + t.to() + " by " + t.actor() + ": " + t.reason())
                .toList();
    }
}
