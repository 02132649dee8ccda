/**
 * Operations metrics at {@code /actuator/prometheus}: per connector sync durations, records, throttles and failures
 * ({@link io.truecount.app.metrics.SyncMetrics}); invoices by status, pushes by state and the webhook inbox's lag and
 * dead letters, read from PostgreSQL at scrape time so that every instance reports the same cluster-wide figures
 * ({@link io.truecount.app.metrics.LedgerMetrics}).
 */
package io.truecount.app.metrics;
