/**
 * Clustered schedules: Quartz's JDBC job store on the application's PostgreSQL runs each scheduled job (a source's
 * sync, the monthly invoice run, the daily notices) exactly once across every server sharing the database, and
 * recovers a run whose server died. {@link io.truecount.app.schedule.SchedulePlanner} keeps the triggers in step with
 * the configuration, {@link io.truecount.app.schedule.ConfigWatcher} reloads it when its files change, and
 * {@code job_run} records every execution.
 */
package io.truecount.app.schedule;
