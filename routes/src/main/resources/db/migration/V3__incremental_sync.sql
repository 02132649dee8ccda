-- Incremental sync: cursors a run saves for the next one, and the time-entry sweep of sources without a deletion feed.

-- Delta links and watermarks, by key, of the run that saved them. The next run resumes from the cursors of the
-- connector's latest SUCCEEDED run, so a failed run never moves a cursor past data it did not store.
create table sync_cursor (
    sync_run_id bigint not null references sync_run (id) on delete cascade,
    key         text   not null,
    value       text   not null,
    primary key (sync_run_id, key)
);

-- The run whose cursors and users an incremental run started from (null: a full run).
alter table sync_run add column base_run_id bigint;

-- A run that read every time entry starting at or after this instant (delivered or seen by id): when it succeeds,
-- stored entries it did not meet from then on were deleted at the source.
alter table sync_run add column time_entries_complete_from timestamptz;

-- Ids a sweep met without re-reading the entry: still present at the source, unchanged.
create table time_entry_seen (
    sync_run_id bigint not null references sync_run (id) on delete cascade,
    external_id text   not null,
    primary key (sync_run_id, external_id)
);

-- What else identifies an organization (kind:value keys such as domain:acme.com): for mapping suggestions only.
alter table external_organization add column cross_refs text[] not null default '{}';
