-- Truecount schema, owned by Flyway. Decimal columns are unconstrained numeric so that a value's scale round-trips
-- exactly (45.00 stays 45.00), which is what makes a re-run compare equal to what it stored.

-- One sync of one source connector. Observations belong to their run; billing reads the latest SUCCEEDED run, so a
-- failed run never replaces the last good data.
create table sync_run (
    id           bigserial primary key,
    connector_id text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    status       text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    error        text,
    pages        bigint      not null default 0,
    records      bigint      not null default 0,
    requests     bigint      not null default 0,
    retries      bigint      not null default 0,
    throttles    bigint      not null default 0
);
create index sync_run_latest on sync_run (connector_id, status, id desc);

create table external_organization (
    sync_run_id bigint not null references sync_run (id) on delete cascade,
    external_id text   not null,
    name        text   not null,
    primary key (sync_run_id, external_id)
);

create table asset_observation (
    sync_run_id     bigint  not null references sync_run (id) on delete cascade,
    organization_id text    not null,
    external_id     text    not null,
    name            text    not null,
    asset_class     text    not null,
    source_class    text,
    managed         boolean not null,
    serial_number   text,
    mac_addresses   text[]  not null,
    created_at      timestamptz,
    last_seen       timestamptz,
    primary key (sync_run_id, external_id)
);

-- Invoices: identity is (customer, period); numbers are handed out by invoice_sequence and never reused.
create table invoice (
    number               text primary key,
    customer_id          text    not null,
    period               text    not null,
    currency             text    not null,
    status               text    not null,
    issue_date           date    not null,
    due_date             date    not null,
    period_start         date    not null,
    period_end           date    not null,
    tax_rate             numeric not null,
    tax_category         text    not null,
    tax_exemption_reason text,
    subtotal             numeric not null,
    tax_amount           numeric not null,
    total                numeric not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    unique (customer_id, period)
);

create table invoice_line (
    invoice_number text    not null references invoice (number) on delete cascade,
    position       int     not null,
    contract_id    text    not null,
    line_id        text    not null,
    description    text    not null,
    quantity       numeric not null,
    unit           text    not null,
    unit_price     numeric,
    amount         numeric not null,
    taxable        boolean not null,
    primary key (invoice_number, position)
);

create table invoice_sequence (
    prefix     text   not null,
    period     text   not null,
    last_value bigint not null,
    primary key (prefix, period)
);

create table invoice_transition (
    id             bigserial primary key,
    invoice_number text        not null references invoice (number),
    from_status    text,
    to_status      text        not null,
    actor          text        not null,
    reason         text        not null,
    at             timestamptz not null
);
create index invoice_transition_by_invoice on invoice_transition (invoice_number, id);

-- One billing run (a cycle) and the discrepancies it found, as exported.
create table billing_run (
    id          bigserial primary key,
    period      text        not null,
    as_of       timestamptz not null,
    started_at  timestamptz not null,
    sync_runs   bigint[]    not null,
    failed_customers text[] not null
);

create table reconciliation_item (
    billing_run_id bigint not null references billing_run (id) on delete cascade,
    position       int    not null,
    kind           text   not null,
    customer_id    text,
    fields         jsonb  not null,
    primary key (billing_run_id, position)
);
