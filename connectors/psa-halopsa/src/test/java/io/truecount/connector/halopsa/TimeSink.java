package io.truecount.connector.halopsa;

import io.truecount.connector.SyncSink;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a PSA delivers, page by page, and the cursors it saves, as the application's sink would. */
final class TimeSink implements SyncSink {

    final List<ExternalOrganization> organizations = new ArrayList<>();
    final List<List<TimeEntry>> timePages = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    final List<Instant> completeFrom = new ArrayList<>();
    final Map<String, String> saved = new LinkedHashMap<>();
    private final Map<String, String> cursors;

    /** A first run: no cursors. */
    TimeSink() {
        this(Map.of());
    }

    TimeSink(Map<String, String> cursors) {
        this.cursors = Map.copyOf(cursors);
    }

    /** The sink of the run after this one, had this one succeeded: it starts from the cursors this one saved. */
    TimeSink next() {
        return new TimeSink(saved);
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
    public void timeEntriesComplete(Instant from) {
        completeFrom.add(from);
    }

    @Override
    public void organizations(List<ExternalOrganization> page) {
        organizations.addAll(page);
    }

    @Override
    public void assets(List<AssetObservation> page) {
        throw new AssertionError("a PSA delivers no assets");
    }

    @Override
    public void timeEntries(List<TimeEntry> page) {
        timePages.add(List.copyOf(page));
    }

    @Override
    public void timeEntriesDeleted(List<String> externalIds) {
        deleted.addAll(externalIds);
    }

    List<TimeEntry> entries() {
        return timePages.stream().flatMap(List::stream).toList();
    }
}
