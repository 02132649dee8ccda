package io.truecount.connector.testing;

import io.truecount.connector.SyncSink;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.util.ArrayList;
import java.util.List;

/** Keeps every page it is handed, in order, so tests can check both the records and how they were paged. */
public final class CollectingSink implements SyncSink {

    private final List<List<ExternalOrganization>> organizationPages = new ArrayList<>();
    private final List<List<AssetObservation>> assetPages = new ArrayList<>();
    private final Runnable onPage;

    public CollectingSink() {
        this(() -> {});
    }

    /** @param onPage runs as each page arrives, e.g. to look at the request journal at that moment */
    public CollectingSink(Runnable onPage) {
        this.onPage = onPage;
    }

    @Override
    public void organizations(List<ExternalOrganization> page) {
        organizationPages.add(List.copyOf(page));
        onPage.run();
    }

    @Override
    public void assets(List<AssetObservation> page) {
        assetPages.add(List.copyOf(page));
        onPage.run();
    }

    public List<List<ExternalOrganization>> organizationPages() {
        return organizationPages;
    }

    public List<List<AssetObservation>> assetPages() {
        return assetPages;
    }

    public List<ExternalOrganization> organizations() {
        return organizationPages.stream().flatMap(List::stream).toList();
    }

    public List<AssetObservation> assets() {
        return assetPages.stream().flatMap(List::stream).toList();
    }
}
