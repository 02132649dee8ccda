/**
 * When to remind and renew, as pure functions over {@code LocalDate}: which dunning step is due for an overdue
 * invoice, which renewal notice is due before a contract ends, and how far an auto-renewing contract extends. The
 * application stores what was sent and sends it; nothing here knows about mail or tables.
 */
package io.truecount.core.notice;
