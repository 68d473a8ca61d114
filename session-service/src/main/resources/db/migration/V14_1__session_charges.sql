-- Issue 22: what a session cost under the contract in force (a held session its price; a late cancellation by
-- the client or a no-show the late cancellation fee). A record, not a bill: once per session and kind.
create table session_charge (
    id            uuid        primary key,
    tenant_id     text        not null,
    engagement_id uuid        not null references engagement (id),
    session_id    uuid        not null references coaching_session (id),
    kind          text        not null,   -- session | late-cancellation
    amount_minor  integer     not null,
    currency      text        not null,   -- ISO 4217
    created_at    timestamptz not null,
    unique (session_id, kind)
);
create index session_charge_by_engagement on session_charge (tenant_id, engagement_id, created_at);
