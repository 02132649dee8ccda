/**
 * The connector SPI: what a vendor module implements ({@link io.truecount.connector.ConnectorType},
 * {@link io.truecount.connector.SourceConnector}), what the application hands it (settings, runtime, sink, stats), and
 * the failures a source reports. The shared machinery lives in the sub-packages: {@code http} (Camel HTTP behind
 * Resilience4j), {@code auth}, {@code paging} and {@code json}.
 */
package io.truecount.connector;
