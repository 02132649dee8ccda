package io.truecount.export.ubl;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class LinePricingTest {

    private static final int CENTS = 2;

    @Test
    void fullPeriod_unitPriceTimesQuantity_needsNoAdjustment() {
        InvoiceLine line = line("18", "45.00", "810.00");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isEqualByComparingTo(line.unitPrice());
        assertThat(pricing.baseQuantity()).isNull();
        assertThat(pricing.adjustment()).isZero();
    }

    @Test
    void proratedLine_billsLess_adjustmentIsTheNegativeDifference() {
        InvoiceLine line = line("3", "125.00", "205.65");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isEqualByComparingTo(line.unitPrice());
        assertThat(pricing.adjustment()).isNegative();
        assertAddsUp(line, pricing);
    }

    @Test
    void amountAboveQuantityTimesPrice_adjustmentIsAPositiveCharge() {
        InvoiceLine line = line("2", "10.00", "20.01");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.adjustment()).isPositive();
        assertAddsUp(line, pricing);
    }

    @Test
    void productWithMoreDecimalsThanTheCurrency_isPricedForTheWholeQuantity() {
        InvoiceLine line = line("1.5", "33.33", "50.00");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isEqualByComparingTo(line.amount());
        assertThat(pricing.baseQuantity()).isEqualByComparingTo(line.quantity());
        assertAddsUp(line, pricing);
    }

    @Test
    void noUnitPrice_priceIsTheAmountForTheWholeQuantity() {
        InvoiceLine line = line("23", null, "1012.50");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isEqualByComparingTo(line.amount());
        assertThat(pricing.baseQuantity()).isEqualByComparingTo(line.quantity());
        assertThat(pricing.adjustment()).isZero();
    }

    @Test
    void zeroQuantityWithAnAmount_priceZeroAndTheAmountAsCharge() {
        InvoiceLine line = line("0", null, "120.00");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isZero();
        assertThat(pricing.adjustment()).isEqualByComparingTo(line.amount());
        assertAddsUp(line, pricing);
    }

    @Test
    void negativeCorrectionWithoutUnitPrice_keepsPriceAndBaseQuantityPositive() {
        InvoiceLine line = line("-2", null, "-90.00");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isPositive();
        assertThat(pricing.baseQuantity()).isPositive();
        assertAddsUp(line, pricing);
    }

    @Test
    void negativeUnitPrice_isNeverWrittenAsPrice() {
        InvoiceLine line = line("1", "-50.00", "-50.00");

        LinePricing pricing = LinePricing.of(line, CENTS);

        assertThat(pricing.priceAmount()).isNotNegative();
        assertAddsUp(line, pricing);
    }

    private static void assertAddsUp(InvoiceLine line, LinePricing pricing) {
        BigDecimal gross = line.quantity().multiply(pricing.priceAmount());
        if (pricing.baseQuantity() != null) {
            gross = gross.divide(pricing.baseQuantity(), MathContext.DECIMAL128);
        }
        assertThat(gross.add(pricing.adjustment())).isEqualByComparingTo(line.amount());
        assertThat(pricing.adjustment().stripTrailingZeros().scale()).isLessThanOrEqualTo(CENTS);
    }

    private static InvoiceLine line(String quantity, String unitPrice, String amount) {
        return new InvoiceLine(
                "acme-managed",
                "servers",
                "Managed servers",
                new BigDecimal(quantity),
                Unit.EACH,
                unitPrice == null ? null : new BigDecimal(unitPrice),
                new BigDecimal(amount),
                true);
    }
}
