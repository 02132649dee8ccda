package io.truecount.sim.stripe;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a simulated invoice, made from one invoice item.
 *
 * @param id the line's id ({@code il_…})
 * @param invoiceItem the invoice item it came from ({@code ii_…})
 * @param unitAmountDecimal minor units per unit, as the client sent them
 * @param amount {@code round(quantity x unitAmountDecimal)} in minor units, computed by the simulator as Stripe does
 * @param metadata the invoice item's metadata ({@code truecount_line})
 */
public record StripeLine(
        String id,
        String invoiceItem,
        String description,
        long quantity,
        BigDecimal unitAmountDecimal,
        long amount,
        Map<String, String> metadata) {

    public StripeLine {
        Objects.requireNonNull(id, "id");
        metadata = Map.copyOf(metadata);
    }
}
