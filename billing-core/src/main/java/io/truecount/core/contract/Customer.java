package io.truecount.core.contract;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer of the MSP: the buyer on its invoices.
 *
 * @param sources connector id to this customer's external ids in that system (organization, site, tenant, company)
 * @param accounting sink connector id to this customer's id in that system
 * @param maxDropPercent optional guard against a count falling too far (null: no guard)
 * @param billingEmail where invoices and payment reminders go (an extension of CONFIG.md), or null
 */
public record Customer(
        String id,
        String name,
        Currency currency,
        TaxRule tax,
        Address address,
        Map<String, List<String>> sources,
        Map<String, String> accounting,
        BigDecimal maxDropPercent,
        String billingEmail) {

    /** A customer without a billing e-mail address. */
    public Customer(
            String id,
            String name,
            Currency currency,
            TaxRule tax,
            Address address,
            Map<String, List<String>> sources,
            Map<String, String> accounting,
            BigDecimal maxDropPercent) {
        this(id, name, currency, tax, address, sources, accounting, maxDropPercent, null);
    }

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(address, "address");
        sources = Map.copyOf(sources);
        accounting = Map.copyOf(accounting);
    }

    /** Whether this customer's data comes (partly) from the given connector. */
    public boolean dependsOn(String connectorId) {
        return sources.containsKey(connectorId);
    }

    /** This customer's external ids in the given connector; empty when it has none. */
    public List<String> externalIds(String connectorId) {
        return sources.getOrDefault(connectorId, List.of());
    }
}
