package io.truecount.app.mapping;

import io.truecount.core.contract.Customer;
import io.truecount.core.observation.ExternalOrganization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the mapped organizations of every source say about themselves ({@link ExternalOrganization#references()}):
 * an unmapped organization sharing a key with one of them (the same domain, the Autotask company a Datto site names)
 * is probably the same customer.
 */
public final class CrossReferences {

    /** A mapped organization that carries a key. */
    record Known(String customerId, String connectorId, String organizationName, String key) {}

    private final Map<String, List<Known>> byKey = new LinkedHashMap<>();

    /** Indexes the organizations of one source that customers map. */
    public void add(
            String connectorId,
            String type,
            List<ExternalOrganization> organizations,
            Map<String, Customer> customers) {
        for (ExternalOrganization org : organizations) {
            for (Customer customer : customers.values()) {
                if (customer.externalIds(connectorId).contains(org.externalId())) {
                    for (String key : keysOf(type, org)) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new Known(customer.id(), connectorId, org.name(), key));
                    }
                }
            }
        }
    }

    /** Mapped organizations of other sources that share a key with this one. */
    List<Known> matches(String connectorId, String type, ExternalOrganization org) {
        List<Known> found = new ArrayList<>();
        for (String key : keysOf(type, org)) {
            for (Known known : byKey.getOrDefault(key, List.of())) {
                if (!known.connectorId().equals(connectorId)) {
                    found.add(known);
                }
            }
        }
        return found;
    }

    /**
     * The organization's own keys and, for a vendor whose ids other vendors quote (Autotask company ids in Datto
     * sites), its id as such a key.
     */
    static Set<String> keysOf(String type, ExternalOrganization org) {
        Set<String> keys = new LinkedHashSet<>(org.references());
        if ("autotask".equals(type)) {
            keys.add(ExternalOrganization.autotaskCompany(org.externalId()));
        }
        return keys;
    }
}
