package io.truecount.connector;

import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.util.List;

/**
 * Where a source connector delivers what it reads, one page at a time, as soon as the page is mapped. The sink stores
 * each page and forgets it, so memory stays flat however large the MSP.
 */
public interface SyncSink {

    void organizations(List<ExternalOrganization> page);

    void assets(List<AssetObservation> page);
}
