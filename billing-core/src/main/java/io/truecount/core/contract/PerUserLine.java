package io.truecount.core.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A price per licensed, enabled Microsoft 365 user, per month.
 *
 * @param skus a user counts when holding at least one of these; empty: any live licence
 * @param excludeUpn globs ({@code *} and {@code ?}) matched against the whole UPN, case-insensitively: shared and
 *     service accounts the MSP does not bill
 */
public record PerUserLine(
        String id,
        String description,
        boolean taxable,
        BigDecimal unitPrice,
        List<String> skus,
        List<String> excludeUpn,
        BigDecimal minimumQuantity,
        BigDecimal contractedQuantity)
        implements ContractLine {

    public PerUserLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitPrice, "unitPrice");
        skus = List.copyOf(skus);
        excludeUpn = List.copyOf(excludeUpn);
    }
}
