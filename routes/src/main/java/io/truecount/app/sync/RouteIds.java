package io.truecount.app.sync;

/** Every route, template and route-configuration id, in one place so tests can advise routes by id. */
public final class RouteIds {

    /** Template: a {@code direct:} endpoint that runs one sync of one source connector. */
    public static final String ON_DEMAND_PULL = "on-demand-pull";

    /** Route configuration: what happens when a sync route itself fails (not the vendor: that is a failed run). */
    public static final String SYNC_ERRORS = "sync-errors";

    /** Server mode: delivers due pushes of the outbox (and resumes abandoned ones) on a timer. */
    public static final String PUSH_OUTBOX = "push-outbox";

    /** Server mode: processes due webhook events of the inbox (retries; new events are processed at once). */
    public static final String WEBHOOK_INBOX = "webhook-inbox";

    private RouteIds() {}

    /** {@code sync-ninja}: the route that syncs connector {@code ninja}. */
    public static String sync(String connectorId) {
        return "sync-" + connectorId;
    }

    /** The endpoint that starts a sync of the connector on demand. */
    public static String syncEndpoint(String connectorId) {
        return "direct:" + sync(connectorId);
    }
}
