-- Issue 5: money out (the push outbox) and events in (the webhook inbox), and what payment gateways reported.

-- One row per (invoice, sink connector): written in the transaction that approves the invoice, delivered by workers
-- that claim rows with FOR UPDATE SKIP LOCKED. state:
--   PENDING    not sent yet (or safe to send again: the vendor was read back and has nothing)
--   SENT       a worker claimed it and is sending; lease_until bounds how long. A SENT row whose lease has run out was
--              abandoned mid-send (a crash): it is treated as UNKNOWN.
--   UNKNOWN    the vendor may have applied it (timeout, retries exhausted, crash after send): read back before anything
--   CONFIRMED  the vendor holds it; external_id says what
--   FAILED     the vendor refused it for good (validation); an admin fixes the cause and retries it
create table push (
    id              bigserial primary key,
    invoice_number  text        not null references invoice (number),
    connector_id    text        not null,
    push_key        text        not null unique,
    state           text        not null,
    attempts        int         not null default 0,
    -- Raised when an admin retries a FAILED push: the vendor keeps a refused request under its idempotency key, so
    -- the corrected request needs a new one (the invoice number still finds what an earlier attempt created).
    generation      int         not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    claimed_by      text,
    external_id     text,
    external_number text,
    external_url    text,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (invoice_number, connector_id)
);
-- Claims walk unfinished pushes in id order; a partial index keeps them from stepping over the confirmed history.
create index push_unfinished on push (id) where state in ('PENDING', 'UNKNOWN', 'SENT');
create index push_external on push (connector_id, external_id);

-- Every verified webhook event, stored before the vendor gets its 2xx. The unique (connector, event id) makes a
-- redelivery a no-op. state: RECEIVED → PROCESSED, or after max attempts DEAD (a dead letter an admin can replay).
create table webhook_event (
    id              bigserial primary key,
    connector_id    text        not null,
    event_id        text        not null,
    event_type      text        not null,
    payload         bytea       not null,
    state           text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    received_at     timestamptz not null,
    processed_at    timestamptz,
    outcome         text,
    last_error      text,
    unique (connector_id, event_id)
);
-- Claims take the oldest RECEIVED events in id order: without this partial index PostgreSQL walks the primary key
-- past every processed event first, and a claim slows down as the history grows (measured by ./bench webhooks).
create index webhook_event_received on webhook_event (id) where state = 'RECEIVED';

-- The payment history of an invoice: every payment event applied to it, also those the state rules did not act on.
create table payment_event (
    id              bigserial primary key,
    invoice_number  text        not null references invoice (number),
    connector_id    text        not null,
    event_id        text        not null,
    kind            text        not null,
    amount          numeric,
    currency        text,
    charge_id       text,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    note            text        not null,
    unique (connector_id, event_id)
);
create index payment_event_charge on payment_event (connector_id, charge_id);

-- Credentials a vendor rolls as they are used (QuickBooks Online's refresh token): the newest one, per connector.
create table connector_token (
    connector_id text        not null,
    name         text        not null,
    value        text        not null,
    updated_at   timestamptz not null,
    primary key (connector_id, name)
);
