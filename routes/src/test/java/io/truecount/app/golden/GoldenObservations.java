package io.truecount.app.golden;

import io.truecount.core.billing.SourceData;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.AssetSnapshot;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code observations:} of a golden case: per connector id, what the source reported. Organizations are
 * implied by the records that name them; {@code devices:} generates identical fresh devices so a case can say "18
 * workstations" without listing them; {@code failed:} makes the whole source fail.
 */
final class GoldenObservations {

    static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private GoldenObservations() {}

    static Map<String, SourceData> read(Map<String, Object> byConnector, Instant asOf) {
        Map<String, SourceData> data = new LinkedHashMap<>();
        byConnector.forEach((connector, value) -> data.put(connector, source(connector, map(value), asOf)));
        return data;
    }

    static List<AssetSnapshot> history(List<Object> snapshots, Instant asOf) {
        List<AssetSnapshot> result = new ArrayList<>();
        for (Object item : snapshots) {
            Map<String, Object> snapshot = map(item);
            Instant at = Instant.parse(text(snapshot.get("at")));
            List<AssetObservation> assets = new ArrayList<>();
            snapshot.forEach((key, value) -> {
                if (!key.equals("at")) {
                    assets.addAll(assets(key, map(value), at));
                }
            });
            result.add(new AssetSnapshot(at, assets));
        }
        return result;
    }

    private static SourceData source(String connector, Map<String, Object> spec, Instant asOf) {
        if (spec.containsKey("failed")) {
            return SourceData.failed(connector, text(spec.get("failed")));
        }
        List<AssetObservation> assets = assets(connector, spec, asOf);
        List<LicenseCount> licenses = new ArrayList<>();
        for (Object item : list(spec.get("licenses"))) {
            Map<String, Object> l = map(item);
            licenses.add(new LicenseCount(
                    connector,
                    text(l.get("org")),
                    text(l.get("sku")) + "-id",
                    text(l.get("sku")),
                    l.containsKey("status") ? text(l.get("status")) : "Enabled",
                    Long.parseLong(text(l.get("assigned"))),
                    Long.parseLong(text(l.get("purchased")))));
        }
        List<UserAccount> users = new ArrayList<>();
        for (Object item : list(spec.get("users"))) {
            Map<String, Object> u = map(item);
            Set<String> skus = new LinkedHashSet<>();
            list(u.get("skus")).forEach(s -> skus.add(text(s)));
            users.add(new UserAccount(
                    connector,
                    text(u.get("org")),
                    text(u.get("upn")),
                    text(u.get("upn")),
                    !"false".equals(text(u.get("enabled"))),
                    skus));
        }
        List<TimeEntry> entries = new ArrayList<>();
        for (Object item : list(spec.get("time-entries"))) {
            Map<String, Object> t = map(item);
            entries.add(new TimeEntry(
                    connector,
                    text(t.get("org")),
                    text(t.get("id")),
                    text(t.get("ticket")),
                    text(t.get("title")),
                    text(t.get("technician")),
                    text(t.get("work-type")),
                    text(t.get("priority")),
                    text(t.get("category")),
                    !"false".equals(text(t.get("billable"))),
                    Instant.parse(text(t.get("start"))),
                    new BigDecimal(text(t.get("hours")))));
        }
        Map<String, String> orgErrors = new LinkedHashMap<>();
        map(spec.getOrDefault("organization-errors", Map.of()))
                .forEach((org, error) -> orgErrors.put(org, text(error)));
        Set<String> orgIds = new LinkedHashSet<>();
        list(spec.get("organizations")).forEach(o -> orgIds.add(text(o)));
        assets.forEach(a -> orgIds.add(a.organizationId()));
        licenses.forEach(l -> orgIds.add(l.organizationId()));
        users.forEach(u -> orgIds.add(u.organizationId()));
        entries.forEach(e -> orgIds.add(e.organizationId()));
        List<ExternalOrganization> orgs = orgIds.stream()
                .map(id -> new ExternalOrganization(connector, id, "Org " + id))
                .toList();
        return new SourceData(connector, null, orgs, assets, licenses, users, entries, orgErrors);
    }

    /** Explicit {@code assets:} and generated {@code devices:} of one connector, seen just before {@code seen}. */
    private static List<AssetObservation> assets(String connector, Map<String, Object> spec, Instant seen) {
        List<AssetObservation> assets = new ArrayList<>();
        for (Object item : list(spec.get("assets"))) {
            Map<String, Object> a = map(item);
            assets.add(new AssetObservation(
                    connector,
                    text(a.get("org")),
                    text(a.get("id")),
                    text(a.get("name")),
                    AssetClass.fromConfigName(text(a.getOrDefault("class", "workstation"))),
                    null,
                    !"false".equals(text(a.get("managed"))),
                    text(a.get("serial")),
                    list(a.get("macs")).stream().map(GoldenObservations::text).toList(),
                    a.containsKey("created") ? Instant.parse(text(a.get("created"))) : CREATED,
                    a.containsKey("last-seen") ? Instant.parse(text(a.get("last-seen"))) : seen.minusSeconds(3600)));
        }
        Set<String> ids = new HashSet<>();
        for (Object item : list(spec.get("devices"))) {
            Map<String, Object> d = map(item);
            String org = text(d.get("org"));
            String cls = text(d.getOrDefault("class", "workstation"));
            int count = Integer.parseInt(text(d.get("count")));
            for (int i = 1; i <= count; i++) {
                String id = org + "-" + cls + "-" + i;
                if (ids.add(id)) {
                    assets.add(new AssetObservation(
                            connector,
                            org,
                            id,
                            id,
                            AssetClass.fromConfigName(cls),
                            null,
                            true,
                            "SN-" + connector + "-" + id,
                            List.of(),
                            CREATED,
                            seen.minusSeconds(3600)));
                }
            }
        }
        return assets;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
