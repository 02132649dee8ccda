package io.truecount.app.export;

import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** How exports print decimals: quantities plainly, prices at least at the currency's scale. */
final class Decimals {

    private Decimals() {}

    /** {@code 18}, {@code 1.5}: no exponent, no trailing zeros. */
    static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** {@code 45.00}, and {@code 0.125} where the admin priced below the minor unit. */
    static String price(BigDecimal price, Currency currency) {
        return price.setScale(Math.max(
                        Money.scale(currency), price.stripTrailingZeros().scale()))
                .toPlainString();
    }
}
