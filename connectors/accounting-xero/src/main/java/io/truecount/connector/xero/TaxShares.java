package io.truecount.connector.xero;

import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Our tax, split over the taxable lines as Xero {@code LineItem.TaxAmount}s. Xero computes tax per line and sums the
 * rounded lines, while our tax is rounded once over the taxable subtotal (CONFIG.md, Rounding), so the two can differ
 * by cents. Xero lets a client override the calculated TaxAmount (xero_accounting.yaml, LineItem.TaxAmount): each
 * taxable line gets its proportional share, rounded, and the last one the remainder, so Xero's TotalTax is ours.
 */
final class TaxShares {

    private TaxShares() {}

    /**
     * @param lines the invoice's lines in order, taxable ones carrying a tax type other than {@code NONE}
     * @param taxable which lines are taxable, by position
     * @return the lines with TaxAmounts that add up to {@code tax} exactly; non-taxable lines get zero
     */
    static List<XeroLine> apply(List<XeroLine> lines, List<Boolean> taxable, BigDecimal tax, int scale) {
        BigDecimal base = BigDecimal.ZERO;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (taxable.get(i)) {
                base = base.add(lines.get(i).lineAmount());
                last = i;
            }
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        List<XeroLine> shared = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            XeroLine line = lines.get(i);
            if (!taxable.get(i)) {
                shared.add(line.withTaxAmount(zero));
            } else if (i == last) {
                shared.add(line.withTaxAmount(tax.subtract(given).setScale(scale)));
            } else {
                BigDecimal share = base.signum() == 0
                        ? zero
                        : Money.divide(tax.multiply(line.lineAmount()), base).setScale(scale, Money.ROUNDING);
                given = given.add(share);
                shared.add(line.withTaxAmount(share));
            }
        }
        return shared;
    }
}
