package io.truecount.core.billing;

import io.truecount.core.contract.Customer;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the sources reported, indexed by (connector, organization), and which source failures touch a customer. */
final class SourceIndex {

    private final List<SourcePolicy> sources;
    private final Map<String, SourceData> data;
    private final Map<String, List<AssetObservation>> assetsByOrg = new HashMap<>();
    private final Set<String> knownOrgs = new HashSet<>();

    SourceIndex(List<SourcePolicy> sources, Map<String, SourceData> data) {
        this.sources = sources;
        this.data = data;
        for (SourceData source : data.values()) {
            for (ExternalOrganization org : source.organizations()) {
                knownOrgs.add(key(org.connectorId(), org.externalId()));
            }
            for (AssetObservation asset : source.assets()) {
                String key = key(asset.connectorId(), asset.organizationId());
                knownOrgs.add(key);
                assetsByOrg.computeIfAbsent(key, k -> new ArrayList<>()).add(asset);
            }
        }
    }

    /** A source failure that stops this customer's invoice: connector id to error, in priority order. */
    Map<String, String> failuresOf(Customer customer) {
        Map<String, String> failures = new LinkedHashMap<>();
        for (SourcePolicy source : sources) {
            String connector = source.connectorId();
            if (!customer.dependsOn(connector)) {
                continue;
            }
            SourceData reported = data.get(connector);
            if (reported == null) {
                failures.put(connector, "source was not synced in this run");
            } else if (!reported.succeeded()) {
                failures.put(connector, reported.error());
            } else {
                for (String orgId : customer.externalIds(connector)) {
                    if (!knownOrgs.contains(key(connector, orgId))) {
                        // A mapped organization the source does not know is a broken mapping or a deleted
                        // organization: billing it as "no devices" would be the zero invoice we never send.
                        failures.putIfAbsent(connector, "organization " + orgId + " was not found in " + connector);
                    }
                }
            }
        }
        return failures;
    }

    /** Every asset reported for the customer's mapped organizations. */
    List<AssetObservation> assetsOf(Customer customer) {
        List<AssetObservation> result = new ArrayList<>();
        for (SourcePolicy source : sources) {
            for (String orgId : customer.externalIds(source.connectorId())) {
                result.addAll(assetsByOrg.getOrDefault(key(source.connectorId(), orgId), List.of()));
            }
        }
        return result;
    }

    /** Organizations with data that no customer maps, with their assets. */
    Map<ExternalOrganization, List<AssetObservation>> unmapped(List<Customer> customers) {
        Set<String> mapped = new HashSet<>();
        for (Customer customer : customers) {
            customer.sources().forEach((connector, ids) -> ids.forEach(id -> mapped.add(key(connector, id))));
        }
        Map<ExternalOrganization, List<AssetObservation>> result = new LinkedHashMap<>();
        for (SourcePolicy source : sources) {
            SourceData reported = data.get(source.connectorId());
            if (reported == null || !reported.succeeded()) {
                continue;
            }
            for (ExternalOrganization org : reported.organizations()) {
                String key = key(org.connectorId(), org.externalId());
                List<AssetObservation> assets = assetsByOrg.getOrDefault(key, List.of());
                if (!mapped.contains(key) && !assets.isEmpty()) {
                    result.put(org, assets);
                }
            }
        }
        return result;
    }

    private static String key(String connector, String orgId) {
        return connector + '\u0000' + orgId;
    }
}
