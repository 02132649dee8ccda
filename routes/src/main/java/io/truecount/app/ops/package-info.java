/**
 * What a self-hosted server needs to be run by someone else's tooling: structured JSON logs with correlation ids
 * ({@link io.truecount.app.ops.LogFormat}, {@link io.truecount.app.ops.Correlation}), a readiness probe that waits for
 * the routes ({@link io.truecount.app.ops.RoutesHealthIndicator}) and a shutdown that finishes or gives back the work the
 * {@link io.truecount.app.ops.ClaimingWorker}s claimed ({@link io.truecount.app.ops.WorkShutdown}).
 */
package io.truecount.app.ops;
