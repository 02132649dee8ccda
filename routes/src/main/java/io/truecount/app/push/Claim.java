package io.truecount.app.push;

/**
 * A push a worker took: only it may record the outcome, until {@code lease_until}.
 *
 * @param readBackFirst the vendor may already hold it (UNKNOWN, or SENT by a worker that never came back): look
 *     before sending
 * @param key the push's key, with the retry generation appended once an admin retried it ({@code …-r1})
 * @param attempts attempts before this one
 */
record Claim(long id, String invoiceNumber, String connectorId, String key, boolean readBackFirst, int attempts) {}
