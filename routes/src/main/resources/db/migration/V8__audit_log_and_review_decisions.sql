-- Issue 6: the audit log (who did what, when and why) and the decisions people take on reconciliation items.

-- One row per decision or change made through the API, the CLI or a reload. details holds what the action changed,
-- never a secret value (config changes are named, not shown).
create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null,
    actor   text        not null,
    action  text        not null,
    target  text,
    reason  text,
    details jsonb       not null default '{}'
);
create index audit_log_newest on audit_log (id desc);
create index audit_log_by_actor on audit_log (actor, id desc);
create index audit_log_by_action on audit_log (action, id desc);

-- A person acknowledged or dismissed a reconciliation item. Items are rebuilt by every billing run, so the decision
-- is stored against the item's identity (period, kind, customer and the fields that name what it is about, hashed
-- into item_key), not against a run's row: re-running the cycle for the period finds the same key again.
create table reconciliation_decision (
    item_key   text primary key,
    period     text        not null,
    kind       text        not null,
    customer_id text,
    state      text        not null check (state in ('acknowledged', 'dismissed')),
    reason     text,
    actor      text        not null,
    decided_at timestamptz not null
);
create index reconciliation_decision_by_period on reconciliation_decision (period);
