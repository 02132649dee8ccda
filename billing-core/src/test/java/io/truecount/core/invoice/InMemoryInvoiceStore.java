package io.truecount.core.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store port in memory, recording what the ledger asked of it. */
final class InMemoryInvoiceStore implements InvoiceStore {

    final Map<String, Invoice> byNumber = new LinkedHashMap<>();
    final Map<String, Long> sequences = new HashMap<>();
    final List<String> transitions = new ArrayList<>();
    int writes;

    @Override
    public Optional<Invoice> find(String customerId, YearMonth period) {
        return byNumber.values().stream()
                .filter(i -> i.customerId().equals(customerId) && i.period().equals(period))
                .findFirst();
    }

    @Override
    public List<Invoice> findByPeriod(YearMonth period) {
        return byNumber.values().stream().filter(i -> i.period().equals(period)).toList();
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
        transitions.add(number + " " + from + "->" + to + " by " + actor + ": " + reason);
    }
}
