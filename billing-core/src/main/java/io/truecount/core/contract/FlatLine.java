package io.truecount.core.contract;

import java.math.BigDecimal;
import java.util.Objects;

/** A fixed amount per month. */
public record FlatLine(String id, String description, boolean taxable, BigDecimal amount) implements ContractLine {

    public FlatLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
    }
}
