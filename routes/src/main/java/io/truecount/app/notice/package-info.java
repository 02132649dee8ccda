/**
 * E-mail notices of issue 5: payment reminders for overdue invoices (dunning), notices before contracts end, and the
 * daily run that also applies auto-renewals ({@code truecount notices}, scheduled job {@code notices-daily}). When a step is
 * due is decided by {@link io.truecount.core.notice}; this package claims each step once in PostgreSQL and sends it.
 */
package io.truecount.app.notice;
