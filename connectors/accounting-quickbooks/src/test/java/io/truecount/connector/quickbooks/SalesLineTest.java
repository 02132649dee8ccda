package io.truecount.connector.quickbooks;

import static io.truecount.connector.quickbooks.Invoices.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.invoice.InvoiceLine.Unit;
import org.junit.jupiter.api.Test;

class SalesLineTest {

    @Test
    void lineWhoseQuantityTimesPriceIsItsAmount_keepsQuantityAndPrice() {
        SalesLine sales = SalesLine.of(line("Workstations", "12", Unit.EACH, "45.00", "540.00", true));

        assertThat(sales.quantity()).isEqualByComparingTo("12");
        assertThat(sales.unitPrice()).isEqualByComparingTo("45.00");
        assertThat(sales.amount()).isEqualByComparingTo("540.00");
        assertThat(sales.description()).isEqualTo("Workstations");
    }

    @Test
    void proratedLine_isOneUnitAtItsAmount_withTheQuantityInTheDescription() {
        SalesLine sales = SalesLine.of(line("Servers", "3", Unit.EACH, "150.00", "319.35", true));

        assertThat(sales.quantity()).isEqualByComparingTo("1");
        assertThat(sales.unitPrice()).isEqualByComparingTo("319.35");
        assertThat(sales.amount()).isEqualByComparingTo("319.35");
        assertThat(sales.quantity().multiply(sales.unitPrice())).isEqualByComparingTo(sales.amount());
        assertThat(sales.description()).isEqualTo("Servers (quantity 3 at 150.00)");
    }

    @Test
    void lineWithoutUnitPrice_isOneUnitAtItsAmount_namingTheHours() {
        SalesLine sales = SalesLine.of(line("Support", "7.50", Unit.HOUR, null, "937.50", false));

        assertThat(sales.quantity()).isEqualByComparingTo("1");
        assertThat(sales.unitPrice()).isEqualByComparingTo("937.50");
        assertThat(sales.description()).isEqualTo("Support (7.5 hours)");
    }

    @Test
    void negativeCorrection_keepsItsSignInPriceAndAmount() {
        SalesLine sales = SalesLine.of(line("Correction", "2", Unit.EACH, null, "-90.00", true));

        assertThat(sales.quantity().multiply(sales.unitPrice())).isEqualByComparingTo("-90.00");
        assertThat(sales.amount()).isEqualByComparingTo("-90.00");
    }
}
