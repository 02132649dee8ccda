package io.truecount.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void round_halfCent_goesUp() {
        assertThat(Money.round(new BigDecimal("66.825"), USD)).isEqualByComparingTo("66.83");
        assertThat(Money.round(new BigDecimal("66.825"), USD).scale()).isEqualTo(2);
    }

    @Test
    void round_belowHalfCent_goesDown() {
        assertThat(Money.round(new BigDecimal("66.82499999"), USD)).isEqualByComparingTo("66.82");
    }

    @Test
    void round_negativeHalfCent_goesAwayFromZero() {
        assertThat(Money.round(new BigDecimal("-0.005"), USD)).isEqualByComparingTo("-0.01");
    }

    @Test
    void scale_followsTheCurrencysMinorUnit() {
        assertThat(Money.scale(Currency.getInstance("JPY"))).isZero();
        assertThat(Money.scale(Currency.getInstance("BHD"))).isEqualTo(3);
        assertThat(Money.round(new BigDecimal("1234.5"), Currency.getInstance("JPY")))
                .isEqualByComparingTo("1235");
    }

    @Test
    void divide_keepsTerminatingQuotientsExact() {
        assertThat(Money.divide(new BigDecimal("1"), new BigDecimal("8"))).isEqualTo(new BigDecimal("0.125"));
    }

    @Test
    void divide_nonTerminating_keepsFarMoreThanTenPlaces() {
        BigDecimal third = Money.divide(BigDecimal.ONE, new BigDecimal("3"));
        assertThat(third.precision()).isGreaterThanOrEqualTo(30);
        assertThat(Money.round(third.multiply(new BigDecimal("3")), USD)).isEqualByComparingTo("1.00");
    }
}
