package io.truecount.connector;

/**
 * A configured source (RMM, Microsoft 365, PSA): reads what the vendor knows and hands it, mapped, to a sink. One
 * instance lives as long as its configuration, so cached tokens outlive a single run.
 */
public interface SourceConnector {

    /** Proves credentials and reachability with the cheapest call the vendor offers. */
    void checkConnection() throws SourceException;

    /**
     * Reads everything this source knows, page by page.
     *
     * @throws SourceException when the source fails as a whole; nothing it delivered may then be treated as complete
     */
    void sync(SyncSink sink, SyncStats stats) throws SourceException;
}
