-- Microsoft 365 and PSA observations, per-organization failures, invoice line traceability and credit notes.
-- Decimals stay unconstrained numeric, as in V1, so that scales round-trip.

-- Licence SKUs and users belong to their sync run, like assets: billing reads the latest SUCCEEDED run.
create table license_count (
    sync_run_id       bigint not null references sync_run (id) on delete cascade,
    organization_id   text   not null,
    sku_id            text   not null,
    sku_part_number   text   not null,
    capability_status text   not null,
    assigned          bigint not null,
    purchased         bigint not null,
    primary key (sync_run_id, organization_id, sku_id)
);

create table user_account (
    sync_run_id         bigint  not null references sync_run (id) on delete cascade,
    organization_id     text    not null,
    external_id         text    not null,
    user_principal_name text    not null,
    enabled             boolean not null,
    sku_part_numbers    text[]  not null,
    primary key (sync_run_id, organization_id, external_id)
);

-- An organization (tenant, site) a run could not read although the run succeeded: only its customers fail.
create table sync_run_org_error (
    sync_run_id     bigint not null references sync_run (id) on delete cascade,
    organization_id text   not null,
    error           text   not null,
    primary key (sync_run_id, organization_id)
);

-- Time entries are CURRENT STATE, not per run: PSAs sync incrementally and edit or delete entries in place, so the
-- latest version of each entry is kept under its id, and a deletion only marks it.
create table time_entry (
    connector_id    text        not null,
    external_id     text        not null,
    organization_id text        not null,
    ticket_id       text,
    ticket_title    text,
    technician      text,
    work_type       text,
    priority        text,
    category        text,
    billable        boolean     not null,
    start_at        timestamptz not null,
    hours           numeric     not null,
    deleted         boolean     not null default false,
    -- The run that last changed the entry; no foreign key, so pruning old runs never takes current state with it.
    last_sync_run   bigint      not null,
    primary key (connector_id, external_id)
);
create index time_entry_current on time_entry (connector_id, start_at) where not deleted;

-- What a running sync delivered, applied to time_entry only when the run SUCCEEDS, so a failed run leaves current
-- state exactly as it was. A deletion is a row with deleted = true (and the entry's fields when the same run also
-- delivered it, otherwise null).
create table time_entry_staging (
    sync_run_id     bigint      not null references sync_run (id) on delete cascade,
    external_id     text        not null,
    organization_id text,
    ticket_id       text,
    ticket_title    text,
    technician      text,
    work_type       text,
    priority        text,
    category        text,
    billable        boolean,
    start_at        timestamptz,
    hours           numeric,
    deleted         boolean     not null,
    primary key (sync_run_id, external_id)
);

-- The observations each invoice line was computed from, in the order the rating produced them.
create table invoice_line_source (
    invoice_number text not null,
    position       int  not null,
    seq            int  not null,
    type           text not null,
    connector_id   text not null,
    external_id    text not null,
    label          text not null,
    primary key (invoice_number, position, seq),
    foreign key (invoice_number, position) references invoice_line (invoice_number, position) on delete cascade
);

-- A credited invoice keeps its number and history but is no longer its (customer, period)'s invoice: the next run
-- bills the period again under a new number. Only the current (uncredited) invoice is unique per customer and period.
alter table invoice add column credited_by text;
alter table invoice drop constraint invoice_customer_id_period_key;
create unique index invoice_current on invoice (customer_id, period) where credited_by is null;
create index invoice_by_customer on invoice (customer_id, period);

create table credit_note (
    number               text primary key,
    invoice_number       text    not null unique references invoice (number),
    customer_id          text    not null,
    period               text    not null,
    currency             text    not null,
    issue_date           date    not null,
    tax_rate             numeric not null,
    tax_category         text    not null,
    tax_exemption_reason text,
    subtotal             numeric not null,
    tax_amount           numeric not null,
    total                numeric not null,
    reason               text    not null,
    created_at           timestamptz not null default now()
);
create index credit_note_by_period on credit_note (period, number);

create table credit_note_line (
    credit_note_number text    not null references credit_note (number) on delete cascade,
    position           int     not null,
    contract_id        text    not null,
    line_id            text    not null,
    description        text    not null,
    quantity           numeric not null,
    unit               text    not null,
    unit_price         numeric,
    amount             numeric not null,
    taxable            boolean not null,
    primary key (credit_note_number, position)
);

create table credit_note_line_source (
    credit_note_number text not null,
    position           int  not null,
    seq                int  not null,
    type               text not null,
    connector_id       text not null,
    external_id        text not null,
    label              text not null,
    primary key (credit_note_number, position, seq),
    foreign key (credit_note_number, position)
        references credit_note_line (credit_note_number, position) on delete cascade
);
