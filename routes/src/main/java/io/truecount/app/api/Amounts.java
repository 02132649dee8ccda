package io.truecount.app.api;

import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** Decimals as the API writes them: strings, money at the currency's minor unit, quantities plainly. */
final class Amounts {

    private Amounts() {}

    /** {@code 810.00}. */
    static String money(BigDecimal amount, Currency currency) {
        return amount == null
                ? null
                : amount.setScale(Money.scale(currency), Money.ROUNDING).toPlainString();
    }

    /** {@code 45.00}, and {@code 0.125} where the admin priced below the minor unit. */
    static String price(BigDecimal price, Currency currency) {
        if (price == null) {
            return null;
        }
        return price.setScale(Math.max(
                        Money.scale(currency), price.stripTrailingZeros().scale()))
                .toPlainString();
    }

    /** {@code 18}, {@code 1.5}. */
    static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
