package io.truecount.core.billing;

import io.truecount.core.contract.Customer;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What the sources reported, indexed by (connector, organization), and which source failures touch a customer. */
final class SourceIndex {

    private final List<SourcePolicy> sources;
    private final Map<String, SourceData> data;
    private final Map<OrgKey, List<AssetObservation>> assetsByOrg = new HashMap<>();
    private final Map<OrgKey, List<LicenseCount>> licensesByOrg = new HashMap<>();
    private final Map<OrgKey, List<UserAccount>> usersByOrg = new HashMap<>();
    private final Map<OrgKey, List<TimeEntry>> timeByOrg = new HashMap<>();
    private final Set<OrgKey> knownOrgs = new HashSet<>();

    SourceIndex(List<SourcePolicy> sources, Map<String, SourceData> data) {
        this.sources = sources;
        this.data = data;
        for (SourceData source : data.values()) {
            for (ExternalOrganization org : source.organizations()) {
                knownOrgs.add(key(org.connectorId(), org.externalId()));
            }
            index(source.assets(), assetsByOrg, a -> key(a.connectorId(), a.organizationId()));
            index(source.licenses(), licensesByOrg, l -> key(l.connectorId(), l.organizationId()));
            index(source.users(), usersByOrg, u -> key(u.connectorId(), u.organizationId()));
            index(source.timeEntries(), timeByOrg, t -> key(t.connectorId(), t.organizationId()));
        }
    }

    private <T> void index(List<T> records, Map<OrgKey, List<T>> byOrg, Function<T, OrgKey> orgKey) {
        for (T record : records) {
            OrgKey key = orgKey.apply(record);
            knownOrgs.add(key);
            byOrg.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
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
                    String orgError = reported.organizationErrors().get(orgId);
                    if (orgError != null) {
                        failures.putIfAbsent(connector, orgError);
                    } else if (!knownOrgs.contains(key(connector, orgId))) {
                        // A mapped organization the source does not know is a broken mapping or a deleted
                        // organization: billing it as "no devices" would be the zero invoice we never send.
                        failures.putIfAbsent(connector, "organization " + orgId + " was not found in " + connector);
                    }
                }
            }
        }
        return failures;
    }

    List<AssetObservation> assetsOf(Customer customer) {
        return of(customer, assetsByOrg);
    }

    List<LicenseCount> licensesOf(Customer customer) {
        return of(customer, licensesByOrg);
    }

    List<UserAccount> usersOf(Customer customer) {
        return of(customer, usersByOrg);
    }

    List<TimeEntry> timeEntriesOf(Customer customer) {
        return of(customer, timeByOrg);
    }

    /** Every record reported for the customer's mapped organizations, in source priority order. */
    private <T> List<T> of(Customer customer, Map<OrgKey, List<T>> byOrg) {
        List<T> result = new ArrayList<>();
        for (SourcePolicy source : sources) {
            for (String orgId : customer.externalIds(source.connectorId())) {
                result.addAll(byOrg.getOrDefault(key(source.connectorId(), orgId), List.of()));
            }
        }
        return result;
    }

    /** An organization with data that no customer maps. */
    record Unmapped(
            ExternalOrganization organization,
            List<AssetObservation> assets,
            List<UserAccount> users,
            List<TimeEntry> timeEntries) {}

    /** Organizations with data that no customer maps, with what they reported. */
    List<Unmapped> unmapped(List<Customer> customers) {
        Set<OrgKey> mapped = new HashSet<>();
        for (Customer customer : customers) {
            customer.sources().forEach((connector, ids) -> ids.forEach(id -> mapped.add(key(connector, id))));
        }
        List<Unmapped> result = new ArrayList<>();
        for (SourcePolicy source : sources) {
            SourceData reported = data.get(source.connectorId());
            if (reported == null || !reported.succeeded()) {
                continue;
            }
            for (ExternalOrganization org : reported.organizations()) {
                OrgKey key = key(org.connectorId(), org.externalId());
                if (mapped.contains(key)) {
                    continue;
                }
                Unmapped found = new Unmapped(
                        org,
                        assetsByOrg.getOrDefault(key, List.of()),
                        usersByOrg.getOrDefault(key, List.of()),
                        timeByOrg.getOrDefault(key, List.of()));
                if (!found.assets().isEmpty()
                        || !found.users().isEmpty()
                        || !found.timeEntries().isEmpty()) {
                    result.add(found);
                }
            }
        }
        return result;
    }

    /** An organization of a source connector: what records are indexed by, without building a string per record. */
    record OrgKey(String connectorId, String organizationId) {}

    static OrgKey key(String connector, String orgId) {
        return new OrgKey(connector, orgId);
    }
}
