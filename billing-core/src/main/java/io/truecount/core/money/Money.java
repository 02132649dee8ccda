package io.truecount.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one money policy: amounts are {@link BigDecimal}s in a currency's minor unit, rounded {@code HALF_UP} once per
 * computed line. Totals are sums of rounded lines, so they never need rounding themselves.
 */
public final class Money {

    /** The rounding rule for every amount Truecount computes. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /**
     * Precision for intermediate ratios that cannot be kept exact (a division by days in a period). 34 digits is far
     * beyond the ten decimal places CONFIG.md asks for, so rounding the final amount is the only rounding that shows.
     */
    public static final MathContext RATIO = MathContext.DECIMAL128;

    private Money() {}

    /** The number of decimals of the currency's minor unit (2 for USD, 0 for JPY, 3 for BHD). */
    public static int scale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    /** Rounds a computed amount to the currency's minor unit. */
    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(scale(currency), ROUNDING);
    }

    /** Zero at the currency's scale, e.g. {@code 0.00}. */
    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(scale(currency));
    }

    /**
     * Divides exactly when the quotient terminates, and to {@link #RATIO} precision otherwise; the caller rounds the
     * final amount with {@link #round}.
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        try {
            return dividend.divide(divisor);
        } catch (ArithmeticException nonTerminating) {
            return dividend.divide(divisor, RATIO);
        }
    }
}
