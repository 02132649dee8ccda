package io.truecount.export.ubl;

import com.helger.xsds.ccts.cct.schemamodule.AmountType;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.function.Function;

/**
 * Puts amounts into the document in the invoice currency: every amount carries {@code currencyID}, and every monetary
 * amount has exactly the currency's minor-unit scale (EN 16931 BR-DEC rules; JPY has none).
 */
final class UblMoney {

    private final String currencyCode;
    private final int scale;

    UblMoney(Currency currency) {
        this.currencyCode = currency.getCurrencyCode();
        this.scale = Money.scale(currency);
    }

    int scale() {
        return scale;
    }

    /** Sets a monetary amount; it must already be rounded to the currency (Truecount rounds once, per line). */
    <T extends AmountType> T amount(Function<BigDecimal, T> setter, BigDecimal value) {
        return withCurrency(setter.apply(exact(value)));
    }

    /**
     * Sets a unit price, which EN 16931 lets carry more decimals than the currency (a licence at 1.125); it is only
     * padded to the currency's scale so that 45 reads 45.00.
     */
    <T extends AmountType> T price(Function<BigDecimal, T> setter, BigDecimal value) {
        return withCurrency(setter.apply(value.setScale(Math.max(scale, value.scale()), RoundingMode.UNNECESSARY)));
    }

    private <T extends AmountType> T withCurrency(T amount) {
        amount.setCurrencyID(currencyCode);
        return amount;
    }

    private BigDecimal exact(BigDecimal value) {
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooManyDecimals) {
            throw new IllegalArgumentException(
                    "Amount " + value.toPlainString() + " has more decimals than " + currencyCode + " allows (" + scale
                            + ")",
                    tooManyDecimals);
        }
    }
}
