package io.truecount.sim.gocardless;

import java.time.Instant;
import java.util.Map;

/**
 * A payment the simulator holds, as a test inspects it.
 *
 * @param amount in the currency's minor unit (pence, cents)
 * @param status {@code pending_submission}, {@code confirmed}, {@code failed}, {@code paid_out}, {@code charged_back}
 */
public record SimPayment(
        String id,
        String mandate,
        long amount,
        String currency,
        String description,
        Map<String, String> metadata,
        String status,
        Instant createdAt) {

    public SimPayment {
        metadata = Map.copyOf(metadata);
    }

    SimPayment withStatus(String newStatus) {
        return new SimPayment(id, mandate, amount, currency, description, metadata, newStatus, createdAt);
    }
}
