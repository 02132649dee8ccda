/**
 * The ConnectWise PSA (Manage) connector: companies and time entries read with API-member keys (Basic
 * {@code company+public:private} and the integration's {@code clientId}), forward-only keyset paging, and a
 * {@code lastUpdated} watermark so that re-syncs fetch only changed entries, plus an id-only sweep that finds deleted
 * ones. {@link io.truecount.connector.connectwise.ConnectWiseMapper} is the only class that knows ConnectWise's JSON.
 */
package io.truecount.connector.connectwise;
