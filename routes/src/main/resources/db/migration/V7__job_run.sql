-- One row per execution of a scheduled job (schedule/JobRuns), whichever instance of the cluster ran it. A fire time
-- runs at most once normally and at most once more as Quartz's recovery of a run whose instance died; the unique key
-- makes that a database guarantee, so a double fire shows up as a refused insert instead of double work.
create table job_run (
    id                 bigserial primary key,
    job                text        not null,
    scheduled_fire_at  timestamptz not null,
    fire_instance_id   text        not null,
    scheduler_instance text        not null,
    recovering         boolean     not null,
    started_at         timestamptz not null,
    finished_at        timestamptz,
    outcome            text        not null check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED')),
    error              text,
    unique (job, scheduled_fire_at, recovering)
);
create index job_run_latest on job_run (job, id desc);
