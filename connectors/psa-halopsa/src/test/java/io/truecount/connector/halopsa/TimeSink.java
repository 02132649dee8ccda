package io.truecount.connector.halopsa;

import io.truecount.connector.SyncSink;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a PSA delivers, page by page. */
final class TimeSink implements SyncSink {

    final List<ExternalOrganization> organizations = new ArrayList<>();
    final List<List<TimeEntry>> timePages = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();

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
