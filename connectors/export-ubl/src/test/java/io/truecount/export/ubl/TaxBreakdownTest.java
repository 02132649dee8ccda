package io.truecount.export.ubl;

import static io.truecount.export.ubl.TestInvoices.USD;
import static io.truecount.export.ubl.TestInvoices.invoice;
import static io.truecount.export.ubl.TestInvoices.perUnit;
import static io.truecount.export.ubl.TestInvoices.withFigures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TaxBreakdownTest {

    @Test
    void exemptCustomerWithNonTaxableLine_hasOneExemptSubtotalNamingBothReasons() {
        TaxRule exempt = new TaxRule(new BigDecimal("0.00"), "E", "Exempt under IRC 501(c)(3)");
        InvoiceLine taxable = perUnit("workstations", "4", Unit.EACH, "45.00", true);
        InvoiceLine notTaxable = perUnit("hardware", "1", Unit.EACH, "300.00", false);

        TaxBreakdown breakdown = TaxBreakdown.of(invoice("ZY-1", USD, exempt, taxable, notTaxable));

        assertThat(breakdown.subtotals()).singleElement().satisfies(subtotal -> {
            assertThat(subtotal.category().code()).isEqualTo("E");
            assertThat(subtotal.taxableAmount())
                    .isEqualByComparingTo(taxable.amount().add(notTaxable.amount()));
            assertThat(subtotal.exemptionReason())
                    .contains(exempt.exemptionReason())
                    .contains("Not subject to tax");
        });
    }

    @Test
    void exemptRuleWithoutReason_getsTheDefaultReason() {
        TaxRule exempt = new TaxRule(BigDecimal.ZERO, "E", null);

        TaxBreakdown breakdown =
                TaxBreakdown.of(invoice("ZY-1", USD, exempt, perUnit("backup", "1", Unit.MONTH, "250", true)));

        assertThat(breakdown.subtotals().get(0).exemptionReason()).isEqualTo("Exempt");
    }

    @Test
    void standardRateOfZero_isRejected() {
        Invoice invoice = invoice(
                "ZY-1", USD, new TaxRule(BigDecimal.ZERO, "S", null), perUnit("backup", "1", Unit.MONTH, "250", true));

        assertThatThrownBy(() -> TaxBreakdown.of(invoice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S needs a rate above 0");
    }

    @Test
    void zeroRatedCategoryWithARate_isRejected() {
        Invoice invoice = invoice(
                "ZY-1",
                USD,
                new TaxRule(new BigDecimal("5"), "Z", null),
                perUnit("backup", "1", Unit.MONTH, "250", true));

        assertThatThrownBy(() -> TaxBreakdown.of(invoice)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsupportedCategory_isRejectedNamingTheSupportedOnes() {
        Invoice invoice = invoice(
                "ZY-1", USD, new TaxRule(BigDecimal.ZERO, "O", null), perUnit("backup", "1", Unit.MONTH, "250", true));

        assertThatThrownBy(() -> TaxBreakdown.of(invoice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S, Z or E");
    }

    @Test
    void taxWithoutAnyTaxableLine_isRejected() {
        Invoice onlyNonTaxable =
                invoice("ZY-1", USD, TestInvoices.SALES_TAX, perUnit("hardware", "1", Unit.EACH, "300.00", false));
        Invoice withStrayTax = withFigures(onlyNonTaxable, onlyNonTaxable.subtotal(), BigDecimal.ONE);

        assertThatThrownBy(() -> TaxBreakdown.of(withStrayTax))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no line in a taxed category");
    }
}
