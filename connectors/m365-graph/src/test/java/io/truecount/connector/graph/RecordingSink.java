package io.truecount.connector.graph;

import io.truecount.connector.SyncSink;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what a Graph sync delivers, in order, from any thread, and hands the connector the cursors a previous run
 * saved, as the application's sink does.
 */
class RecordingSink implements SyncSink {

    final List<ExternalOrganization> organizations = Collections.synchronizedList(new ArrayList<>());
    final List<LicenseCount> licenses = Collections.synchronizedList(new ArrayList<>());
    final List<UserAccount> users = Collections.synchronizedList(new ArrayList<>());
    /** Per call, in order: {@code carried <tenant>}, {@code users <tenant> <n>}, {@code removed <tenant> <ids>}. */
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    final Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, String> saved = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> cursors;

    RecordingSink() {
        this(Map.of());
    }

    RecordingSink(Map<String, String> cursors) {
        this.cursors = Map.copyOf(cursors);
    }

    /** The sink of the next run, starting from the cursors this one saved. */
    RecordingSink next() {
        return new RecordingSink(saved);
    }

    @Override
    public void organizations(List<ExternalOrganization> page) {
        // As the application's sink stores them: an organization delivered again replaces the earlier delivery.
        synchronized (organizations) {
            for (ExternalOrganization org : page) {
                organizations.removeIf(o -> o.externalId().equals(org.externalId()));
                organizations.add(org);
            }
        }
    }

    @Override
    public void assets(List<AssetObservation> page) {
        throw new AssertionError("Graph has no assets");
    }

    @Override
    public void licenses(List<LicenseCount> page) {
        licenses.addAll(page);
    }

    @Override
    public void users(List<UserAccount> page) {
        users.addAll(page);
        events.add("users " + page.get(0).organizationId() + " " + page.size());
    }

    @Override
    public void usersCarriedForward(String organizationId) {
        events.add("carried " + organizationId);
    }

    @Override
    public void usersRemoved(String organizationId, List<String> externalIds) {
        events.add("removed " + organizationId + " " + externalIds);
    }

    @Override
    public Map<String, String> cursors() {
        return cursors;
    }

    @Override
    public void saveCursor(String key, String value) {
        saved.put(key, value);
    }

    @Override
    public void organizationFailed(String organizationId, String error) {
        failures.put(organizationId, error);
    }
}
