package io.truecount.core.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of an invoice, as produced by one contract line (or the contract's minimum commitment).
 *
 * <p>When {@code unitPrice} is given, {@code amount = round(quantity x unitPrice x proration)}; the unit price is the
 * price for the whole billed period (a quarterly line's unit price is three months' price), so an unprorated line
 * always has {@code amount = quantity x unitPrice}.
 *
 * @param lineId the contract line's id ({@code minimum} for a minimum-commitment line)
 * @param unit what the quantity counts
 * @param unitPrice null for lines without a single unit price (tiered, time-based)
 * @param amount rounded to the currency's minor unit
 * @param sources the observations the quantity was computed from, in a stable order; empty for flat fees
 */
public record InvoiceLine(
        String contractId,
        String lineId,
        String description,
        BigDecimal quantity,
        Unit unit,
        BigDecimal unitPrice,
        BigDecimal amount,
        boolean taxable,
        List<SourceRef> sources) {

    /** What a quantity counts, with its UN/ECE Recommendation 20 code for e-invoices. */
    public enum Unit {
        /** Devices, licences, users. */
        EACH("C62"),
        /** Months of a flat fee. */
        MONTH("MON"),
        /** Hours of work. */
        HOUR("HUR");

        private final String uneceCode;

        Unit(String uneceCode) {
            this.uneceCode = uneceCode;
        }

        public String uneceCode() {
            return uneceCode;
        }
    }

    public InvoiceLine {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(amount, "amount");
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A line that no observation produced (flat fees, minimum commitments). */
    public InvoiceLine(
            String contractId,
            String lineId,
            String description,
            BigDecimal quantity,
            Unit unit,
            BigDecimal unitPrice,
            BigDecimal amount,
            boolean taxable) {
        this(contractId, lineId, description, quantity, unit, unitPrice, amount, taxable, List.of());
    }
}
