package io.truecount.app.mapping;

import io.truecount.core.contract.Customer;
import io.truecount.core.observation.ExternalOrganization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every external organization of one source with the customer it maps to, or the customers it most likely is.
 * Suggestions are never applied: a wrong mapping bills one customer's devices to another.
 */
public final class MappingReport {

    /** Names this alike or more are suggested (2 of 3 identifying words in common). */
    static final double SUGGEST_AT = 0.6;

    private static final int MAX_SUGGESTIONS = 3;

    /**
     * @param customerId the mapped customer; null when none maps it
     * @param suggestions likely customers for an unmapped organization, best first
     */
    public record Row(ExternalOrganization organization, String customerId, List<Suggestion> suggestions) {}

    /** A customer that may be this organization, and why. */
    public record Suggestion(String customerId, String customerName, String why) {}

    private MappingReport() {}

    /** {@link #of(String, String, List, Map, CrossReferences)} without other sources to compare with. */
    public static List<Row> of(
            String connectorId, List<ExternalOrganization> organizations, Map<String, Customer> customers) {
        return of(connectorId, "", organizations, customers, new CrossReferences());
    }

    /**
     * @param connectorId the source whose organizations these are
     * @param type its connector type
     * @param customers every configured customer, in configuration order
     * @param references the mapped organizations of every source, for suggestions across vendors
     */
    public static List<Row> of(
            String connectorId,
            String type,
            List<ExternalOrganization> organizations,
            Map<String, Customer> customers,
            CrossReferences references) {
        List<Row> rows = new ArrayList<>();
        List<ExternalOrganization> ordered = organizations.stream()
                .sorted(Comparator.comparing(ExternalOrganization::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ExternalOrganization::externalId))
                .toList();
        for (ExternalOrganization org : ordered) {
            String mapped = null;
            for (Customer customer : customers.values()) {
                if (customer.externalIds(connectorId).contains(org.externalId())) {
                    mapped = customer.id();
                    break;
                }
            }
            rows.add(new Row(
                    org, mapped, mapped == null ? suggest(connectorId, type, org, customers, references) : List.of()));
        }
        return rows;
    }

    /** Customers mapped to an organization id the source did not report: a typo, or a deleted organization. */
    public static Set<String> dangling(
            String connectorId, List<ExternalOrganization> organizations, Map<String, Customer> customers) {
        Set<String> known = new TreeSet<>();
        organizations.forEach(o -> known.add(o.externalId()));
        Set<String> result = new TreeSet<>();
        for (Customer customer : customers.values()) {
            for (String id : customer.externalIds(connectorId)) {
                if (!known.contains(id)) {
                    result.add(customer.id() + " -> " + id);
                }
            }
        }
        return result;
    }

    /** Customers a mapped organization of another source shares a key with come first, then similar names. */
    private static List<Suggestion> suggest(
            String connectorId,
            String type,
            ExternalOrganization org,
            Map<String, Customer> customers,
            CrossReferences references) {
        Map<String, Suggestion> byCustomer = new LinkedHashMap<>();
        for (CrossReferences.Known known : references.matches(connectorId, type, org)) {
            Customer customer = customers.get(known.customerId());
            String key = known.key();
            byCustomer.putIfAbsent(
                    customer.id(),
                    new Suggestion(
                            customer.id(),
                            customer.name(),
                            "same " + key.replace(":", " ") + " as " + known.connectorId() + " \""
                                    + known.organizationName() + "\""));
        }
        for (Suggestion byName : suggestByName(connectorId, org, customers)) {
            byCustomer.putIfAbsent(byName.customerId(), byName);
        }
        return byCustomer.values().stream().limit(MAX_SUGGESTIONS).toList();
    }

    private static List<Suggestion> suggestByName(
            String connectorId, ExternalOrganization org, Map<String, Customer> customers) {
        record Scored(Customer customer, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Customer customer : customers.values()) {
            double score =
                    Math.max(NameMatch.score(org.name(), customer.name()), NameMatch.score(org.name(), customer.id()));
            if (score >= SUGGEST_AT) {
                scored.add(new Scored(customer, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored.stream()
                .limit(MAX_SUGGESTIONS)
                .map(s -> new Suggestion(
                        s.customer().id(), s.customer().name(), why(s.score(), s.customer(), connectorId)))
                .toList();
    }

    private static String why(double score, Customer customer, String connectorId) {
        String name = score >= 1.0 ? "same name" : "similar name (" + Math.round(score * 100) + "% of words)";
        return customer.dependsOn(connectorId)
                ? name + "; already maps " + String.join(", ", customer.externalIds(connectorId))
                : name;
    }
}
