package io.truecount.export.ubl;

import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invoice's tax as EN 16931 wants it: a tax category on every line and one subtotal per category.
 *
 * <p>Taxable lines take the invoice's tax rule; non-taxable lines are exempt ({@code E}, 0 %). EN 16931 allows
 * exactly one subtotal per category {@code E} or {@code Z} (BR-E-01, BR-Z-01) and one per rate of {@code S}; the
 * invoice has one rule, so one subtotal per category code suffices.
 */
final class TaxBreakdown {

    static final String STANDARD = "S";
    static final String ZERO_RATED = "Z";
    static final String EXEMPT = "E";
    static final String NOT_SUBJECT_REASON = "Not subject to tax";
    static final String DEFAULT_EXEMPTION_REASON = "Exempt";

    /** A line's tax category: its code and percent rate (exactly {@code 0} for {@code Z} and {@code E}). */
    record Category(String code, BigDecimal percent) {}

    /** One subtotal; {@code exemptionReason} is null unless the category is {@code E}. */
    record Subtotal(Category category, String exemptionReason, BigDecimal taxableAmount, BigDecimal taxAmount) {}

    private static final Category NOT_SUBJECT = new Category(EXEMPT, BigDecimal.ZERO);

    private final Category taxableCategory;
    private final List<Subtotal> subtotals;

    private TaxBreakdown(Category taxableCategory, List<Subtotal> subtotals) {
        this.taxableCategory = taxableCategory;
        this.subtotals = List.copyOf(subtotals);
    }

    static TaxBreakdown of(Invoice invoice) {
        TaxRule rule = invoice.tax();
        Category taxed = categoryOf(rule);
        Map<Category, Group> groups = new LinkedHashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            Category category = line.taxable() ? taxed : NOT_SUBJECT;
            String reason = line.taxable() ? exemptionReason(rule) : NOT_SUBJECT_REASON;
            groups.computeIfAbsent(category, c -> new Group()).add(line.amount(), reason);
        }
        requireTaxBelongsToSomething(invoice, taxed.code().equals(STANDARD) && groups.containsKey(taxed));
        List<Subtotal> subtotals = new ArrayList<>();
        groups.forEach((category, group) -> subtotals.add(group.subtotal(category, taxed, invoice.taxAmount())));
        return new TaxBreakdown(taxed, subtotals);
    }

    Category categoryOf(InvoiceLine line) {
        return line.taxable() ? taxableCategory : NOT_SUBJECT;
    }

    List<Subtotal> subtotals() {
        return subtotals;
    }

    private static Category categoryOf(TaxRule rule) {
        String code = rule.category();
        BigDecimal rate = rule.ratePercent();
        boolean valid =
                switch (code) {
                    case STANDARD -> rate.signum() > 0; // BR-S-05
                    case ZERO_RATED, EXEMPT -> rate.signum() == 0; // BR-Z-05, BR-E-05
                    default ->
                        throw new IllegalArgumentException("Tax category " + code + " is not supported; use S, Z or E");
                };
        if (!valid) {
            throw new IllegalArgumentException("Tax category " + code + " cannot have rate " + rate.toPlainString()
                    + " %: S needs a rate above 0, Z and E a rate of 0");
        }
        // 0 and 0.00 must be one category, or an exempt customer's non-taxable lines would get a second E subtotal.
        return code.equals(STANDARD) ? new Category(code, rate) : new Category(code, BigDecimal.ZERO);
    }

    private static String exemptionReason(TaxRule rule) {
        if (!EXEMPT.equals(rule.category())) {
            return null;
        }
        String reason = rule.exemptionReason();
        return reason == null || reason.isBlank() ? DEFAULT_EXEMPTION_REASON : reason; // BR-E-10 needs one
    }

    private static void requireTaxBelongsToSomething(Invoice invoice, boolean hasStandardRatedLines) {
        if (invoice.taxAmount().signum() != 0 && !hasStandardRatedLines) {
            throw new IllegalArgumentException("Invoice " + invoice.number() + " has tax "
                    + invoice.taxAmount().toPlainString() + " but no line in a taxed category");
        }
    }

    /** The lines of one category: their amounts, and the exemption reasons they bring. */
    private static final class Group {
        private BigDecimal taxableAmount = BigDecimal.ZERO;
        private final Set<String> reasons = new LinkedHashSet<>();

        void add(BigDecimal amount, String reason) {
            taxableAmount = taxableAmount.add(amount);
            if (reason != null) {
                reasons.add(reason);
            }
        }

        /**
         * The tax of the taxed category is the invoice's own, rounded once over all taxable lines (CONFIG.md); other
         * categories carry none (BR-Z-09, BR-E-09).
         */
        Subtotal subtotal(Category category, Category taxable, BigDecimal invoiceTax) {
            BigDecimal tax = category.equals(taxable) ? invoiceTax : BigDecimal.ZERO;
            String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
            return new Subtotal(category, reason, taxableAmount, tax);
        }
    }
}
