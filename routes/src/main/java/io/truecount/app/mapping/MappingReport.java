package io.truecount.app.mapping;

import io.truecount.core.contract.Customer;
import io.truecount.core.observation.ExternalOrganization;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * @param connectorId the source whose organizations these are
     * @param customers every configured customer, in configuration order
     */
    public static List<Row> of(
            String connectorId, List<ExternalOrganization> organizations, Map<String, Customer> customers) {
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
            rows.add(new Row(org, mapped, mapped == null ? suggest(connectorId, org, customers) : List.of()));
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

    private static List<Suggestion> suggest(
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
