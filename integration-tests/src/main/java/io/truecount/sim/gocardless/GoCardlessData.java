package io.truecount.sim.gocardless;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the simulated GoCardless account holds: mandates by id and payments in creation order. */
final class GoCardlessData {

    /** Direct Debit schemes and the one currency each collects in. */
    static final Map<String, String> SCHEME_BY_CURRENCY = Map.of(
            "GBP", "bacs",
            "EUR", "sepa_core",
            "USD", "ach",
            "AUD", "becs",
            "NZD", "becs_nz",
            "CAD", "pad",
            "SEK", "autogiro",
            "DKK", "betalingsservice");

    static final String CREDITOR = "CR000SIM0001";

    /** A mandate; payments against it must be in its scheme's currency. */
    record Mandate(String id, String scheme, String currency) {}

    private final Map<String, Mandate> mandates;
    private final Map<String, SimPayment> payments = new LinkedHashMap<>();
    private int paymentSequence;
    private int eventSequence;

    GoCardlessData(Map<String, String> currencyByMandate) {
        Map<String, Mandate> seeded = new LinkedHashMap<>();
        currencyByMandate.forEach((id, currency) -> {
            String scheme = SCHEME_BY_CURRENCY.get(currency);
            if (scheme == null) {
                throw new IllegalArgumentException("GoCardless has no scheme for " + currency);
            }
            seeded.put(id, new Mandate(id, scheme, currency));
        });
        this.mandates = Collections.unmodifiableMap(seeded);
    }

    Optional<Mandate> mandate(String id) {
        return Optional.ofNullable(mandates.get(id));
    }

    synchronized SimPayment create(
            String mandate,
            long amount,
            String currency,
            String description,
            Map<String, String> metadata,
            Instant at) {
        paymentSequence++;
        String id = String.format("PM%010d", paymentSequence);
        SimPayment payment =
                new SimPayment(id, mandate, amount, currency, description, metadata, "pending_submission", at);
        payments.put(id, payment);
        return payment;
    }

    synchronized Optional<SimPayment> payment(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    /** GoCardless lists newest first. */
    synchronized List<SimPayment> newestFirst(String mandate) {
        List<SimPayment> all = new ArrayList<>();
        for (SimPayment payment : payments.values()) {
            if (mandate == null || mandate.equals(payment.mandate())) {
                all.add(0, payment);
            }
        }
        return all;
    }

    synchronized List<SimPayment> payments() {
        return List.copyOf(payments.values());
    }

    synchronized SimPayment move(String id, String status) {
        SimPayment payment = payments.get(id);
        if (payment == null) {
            throw new IllegalArgumentException("the simulator holds no payment " + id);
        }
        SimPayment moved = payment.withStatus(status);
        payments.put(id, moved);
        return moved;
    }

    synchronized String nextEventId() {
        eventSequence++;
        return String.format("EV%010d", eventSequence);
    }
}
