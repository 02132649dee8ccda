/**
 * Money out, exactly once. Approving an invoice writes one push per sink into the outbox (table {@code push}) in the
 * approval's transaction ({@link io.truecount.app.push.Outbox}); workers on any instance claim due pushes with
 * {@code FOR UPDATE SKIP LOCKED} and deliver them ({@link io.truecount.app.push.PushWorker}). A push whose outcome is
 * unknown (a timeout, exhausted retries, a crash between send and record) is resolved by reading the vendor back by our
 * key before anything is sent again.
 */
package io.truecount.app.push;
