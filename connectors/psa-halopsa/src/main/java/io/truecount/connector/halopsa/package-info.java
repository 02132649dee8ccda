/**
 * The HaloPSA connector: clients, tickets and the actions that carry time, read with the OAuth2 client-credentials
 * grant ({@code scope=all}, {@code ?tenant=} for Halo-hosted instances) and {@code pageinate} paging, mapped to
 * billing-core records by {@link io.truecount.connector.halopsa.HaloPsaMapper}, the only class that knows Halo's JSON.
 * Runs between full reads are incremental by the tickets' {@code lastactiondate}
 * ({@link io.truecount.connector.halopsa.SyncPlan}).
 */
package io.truecount.connector.halopsa;
