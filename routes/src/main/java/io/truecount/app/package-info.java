/**
 * The deployable application. {@code cli} is the command line, {@code config} reads the admin's YAML, {@code sync}
 * holds the sync routes and what they store, {@code cycle} is one billing cycle, {@code invoice} the invoice store on
 * PostgreSQL, {@code export} the files a cycle writes, {@code db} which PostgreSQL is used, {@code ops} what the server
 * needs to be operated (JSON logs with correlation ids, readiness, graceful shutdown).
 */
package io.truecount.app;
