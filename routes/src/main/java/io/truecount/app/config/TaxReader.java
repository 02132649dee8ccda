package io.truecount.app.config;

import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads a customer's {@code tax:}. The category is the UBL / EN 16931 code, and EN 16931 ties it to the rate: S
 * (standard) needs a rate above 0 (BR-S-05), Z (zero rated) and E (exempt) need 0 (BR-Z-05, BR-E-05).
 */
final class TaxReader {

    static final List<String> KEYS = List.of("rate", "category", "exemption-reason");
    private static final List<String> CATEGORIES = List.of("S", "Z", "E");

    private final Values values;

    TaxReader(Values values) {
        this.values = values;
    }

    /** @return the rule; null when invalid (reported) */
    TaxRule read(Section s) {
        if (s == null) {
            return null;
        }
        String category = values.choice(s.required("category"), "tax category", CATEGORIES);
        BigDecimal rate = values.nonNegative(s.scalar("rate"), "rate");
        String exemptionReason = values.text(s.scalar("exemption-reason"));
        if (category == null) {
            return null;
        }
        if (exemptionReason != null && !category.equals("E")) {
            s.errorAt("exemption-reason", "'exemption-reason' applies only to tax category E");
        }
        if (category.equals("S")) {
            if (!s.has("rate")) {
                s.missing("rate");
            } else if (rate != null && rate.signum() == 0) {
                s.errorAtValue("rate", "tax category S needs a rate above 0");
            }
        } else if (rate != null && rate.signum() != 0) {
            s.errorAtValue("rate", "tax category " + category + " needs rate 0");
        }
        if (rate == null) {
            return category.equals("S") ? null : new TaxRule(BigDecimal.ZERO, category, exemptionReason);
        }
        return new TaxRule(rate, category, exemptionReason);
    }
}
