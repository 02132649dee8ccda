package io.truecount.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import io.truecount.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeItemsTest {

    private static InvoiceLine line(String qty, Unit unit, String price, String amount) {
        return new InvoiceLine(
                "c",
                "l",
                "Item",
                new BigDecimal(qty),
                unit,
                price == null ? null : new BigDecimal(price),
                new BigDecimal(amount),
                true);
    }

    private static Invoice invoice(String currency, List<InvoiceLine> lines, String tax, String total) {
        BigDecimal subtotal = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Invoice(
                "ZY-1",
                "acme",
                YearMonth.of(2026, 3),
                Currency.getInstance(currency),
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                lines,
                new TaxRule(new BigDecimal("10"), "S", null),
                subtotal,
                new BigDecimal(tax),
                new BigDecimal(total));
    }

    @Test
    void wholeQuantityThatMultipliesExactly_keepsQuantityAndUnitPriceInMinorUnits() {
        ItemPricing p = ItemPricing.of(line("25", Unit.EACH, "22.00", "550.00"), 2);

        assertThat(p).isEqualTo(new ItemPricing(25, "2200", "Item"));
        assertThat(p.minorAmount()).isEqualTo(55_000);
    }

    @Test
    void fractionalCentUnitPrice_isKeptAsDecimal_whenTheProductIsExact() {
        ItemPricing p = ItemPricing.of(line("2", Unit.EACH, "1.005", "2.01"), 2);

        assertThat(p.quantity()).isEqualTo(2);
        assertThat(p.unitAmountDecimal()).isEqualTo("100.5");
        assertThat(p.minorAmount()).isEqualTo(201);
    }

    @Test
    void proratedFractionalTieredAndNegativeLines_areOneUnitAtTheWholeAmount() {
        assertThat(ItemPricing.of(line("3", Unit.EACH, "120.00", "197.42"), 2))
                .isEqualTo(new ItemPricing(1, "19742", "Item (3 x 120.00)"));
        assertThat(ItemPricing.of(line("2.5", Unit.HOUR, "95.00", "237.50"), 2))
                .isEqualTo(new ItemPricing(1, "23750", "Item (2.5 h x 95.00)"));
        assertThat(ItemPricing.of(line("140", Unit.EACH, null, "2300.00"), 2))
                .isEqualTo(new ItemPricing(1, "230000", "Item (140)"));
        assertThat(ItemPricing.of(line("-1", Unit.MONTH, "50.00", "-50.00"), 2).unitAmountDecimal())
                .isEqualTo("-5000");
    }

    @Test
    void jpyHasNoMinorUnits() {
        Invoice jpy = invoice("JPY", List.of(line("3", Unit.EACH, "1500", "4500")), "450", "4950");

        StripeItems items = StripeItems.of(jpy);

        assertThat(items.items())
                .extracting(StripeItems.Item::tag, i -> i.pricing().quantity(), i -> i.pricing()
                        .unitAmountDecimal())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", 3L, "1500"),
                        org.assertj.core.groups.Tuple.tuple("tax", 1L, "450"));
        assertThat(items.totalMinor()).isEqualTo(4950);
        assertThat(items.items().get(1).pricing().description()).isEqualTo("Sales tax 10%");
    }

    @Test
    void noTax_noTaxItem_andAnInvoiceThatDoesNotAddUp_isRefused() {
        assertThat(StripeItems.of(invoice("USD", List.of(line("1", Unit.MONTH, "10.00", "10.00")), "0.00", "10.00"))
                        .items())
                .hasSize(1);
        assertThatThrownBy(() -> StripeItems.of(
                        invoice("USD", List.of(line("1", Unit.MONTH, "10.00", "10.00")), "1.00", "12.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1100")
                .hasMessageContaining("1200");
    }
}
