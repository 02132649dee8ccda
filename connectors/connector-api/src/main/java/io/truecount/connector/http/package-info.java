/**
 * Vendor HTTP for every connector: requests go through the Camel {@code http} component of the runtime's context, behind
 * one Resilience4j retry, circuit breaker and rate limiter per connector. {@link io.truecount.connector.http.ErrorPolicy}
 * is the one place that decides what a status or a transport failure means; {@link
 * io.truecount.connector.http.ApiClient} adds credentials and turns what is left into source errors.
 */
package io.truecount.connector.http;
