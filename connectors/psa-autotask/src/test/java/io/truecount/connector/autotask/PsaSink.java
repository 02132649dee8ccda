package io.truecount.connector.autotask;

import io.truecount.connector.SyncSink;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a PSA delivers, and the cursors a run saves, to hand them to the next run as the app's sink would. */
final class PsaSink implements SyncSink {

    final List<ExternalOrganization> organizations = new ArrayList<>();
    final List<List<TimeEntry>> timePages = new ArrayList<>();
    final List<String> seen = new ArrayList<>();
    final List<Instant> complete = new ArrayList<>();
    final Map<String, String> previousCursors;
    final Map<String, String> saved = new HashMap<>();

    PsaSink() {
        this(Map.of());
    }

    PsaSink(Map<String, String> previousCursors) {
        this.previousCursors = previousCursors;
    }

    /** A sink for the run after this one. */
    PsaSink next() {
        return new PsaSink(Map.copyOf(saved));
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
    public void timeEntriesSeen(List<String> externalIds) {
        seen.addAll(externalIds);
    }

    @Override
    public void timeEntriesComplete(Instant from) {
        complete.add(from);
    }

    @Override
    public Map<String, String> cursors() {
        return previousCursors;
    }

    @Override
    public void saveCursor(String key, String value) {
        saved.put(key, value);
    }

    List<TimeEntry> entries() {
        return timePages.stream().flatMap(List::stream).toList();
    }
}
