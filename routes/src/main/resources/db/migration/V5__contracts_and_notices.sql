-- Issue 5: contract signatures and renewals, and the e-mail notices sent (dunning reminders, renewal notices).

-- Every e-signature event applied to a contract's document, also those that change nothing (a decline after
-- completion is history, not a new state). A contract's state is derived: COMPLETED once any event completed its
-- document, else the latest event's (DECLINED, VOIDED); PENDING while there is none. The lead's inbox makes an event
-- arrive once; the unique key makes applying it twice harmless anyway.
create table contract_signature (
    id           bigserial primary key,
    contract_id  text        not null,
    connector_id text        not null,
    document_id  text        not null,
    status       text        not null,
    event_id     text        not null,
    at           timestamptz not null,
    signer       text,
    recorded_at  timestamptz not null,
    unique (contract_id, connector_id, event_id)
);
create index contract_signature_by_document on contract_signature (contract_id, connector_id, document_id);

-- Extensions of auto-renewing contracts, one term each. The primary key makes renewing idempotent: the same end is
-- extended once, however often (or on however many servers) the daily run happens.
create table contract_renewal (
    contract_id text        not null,
    from_end    date        not null,
    to_end      date        not null,
    at          timestamptz not null,
    primary key (contract_id, from_end)
);

-- One row per reminder step sent for an invoice, written in the transaction that sends it (see notice.DunningService).
create table dunning_notice (
    invoice_number text        not null references invoice (number),
    step           int         not null,
    recipient      text        not null,
    days_overdue   int         not null,
    sent_at        timestamptz not null,
    primary key (invoice_number, step)
);

-- One row per renewal notice: per contract, per end it announced (a renewed contract is announced again for its new
-- end), per step (days before that end).
create table renewal_notice (
    contract_id  text        not null,
    contract_end date        not null,
    days_before  int         not null,
    recipient    text        not null,
    sent_at      timestamptz not null,
    primary key (contract_id, contract_end, days_before)
);
