package io.truecount.connector;

/**
 * The vendor could not be reached in a usable way: retries were exhausted on throttling, server errors, timeouts or
 * refused connections, or the connector's circuit breaker is open after repeated failures.
 */
public class SourceUnavailableException extends SourceException {

    private final String url;
    private final Integer lastStatus;

    /**
     * @param url the full URL that failed
     * @param lastStatus the last HTTP status the vendor answered; null when no answer came (timeout, connection refused)
     * @param problem what happened
     */
    public SourceUnavailableException(String connectorId, String url, Integer lastStatus, String problem) {
        this(connectorId, url, lastStatus, problem, null);
    }

    public SourceUnavailableException(
            String connectorId, String url, Integer lastStatus, String problem, Throwable cause) {
        super(
                connectorId,
                Messages.line(connectorId, url + " is unavailable: " + problem + statusSuffix(lastStatus)),
                cause);
        this.url = url;
        this.lastStatus = lastStatus;
    }

    public String url() {
        return url;
    }

    /** The last HTTP status the vendor answered, or null when it never answered. */
    public Integer lastStatus() {
        return lastStatus;
    }

    private static String statusSuffix(Integer status) {
        return status == null ? "" : " (last status HTTP " + status + ")";
    }
}
