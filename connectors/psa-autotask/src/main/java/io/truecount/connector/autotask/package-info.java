/**
 * The Autotask PSA connector: the zone found by {@code zoneInformation} (or named by {@code base-url}), the three
 * authentication headers ({@link io.truecount.connector.autotask.AutotaskHeaders}), {@code /{Entity}/query} with
 * filter JSON and {@code nextPageUrl} paging ({@link io.truecount.connector.autotask.AutotaskQuery}) within the
 * database's hourly request budget and thread limit ({@link io.truecount.connector.autotask.AccountLimits}), and
 * time entries read incrementally from a {@code lastModifiedDateTime} watermark with an id sweep for deletions
 * ({@link io.truecount.connector.autotask.AutotaskConnector}). {@link io.truecount.connector.autotask.AutotaskMapper}
 * is the only class that knows Autotask's JSON.
 */
package io.truecount.connector.autotask;
