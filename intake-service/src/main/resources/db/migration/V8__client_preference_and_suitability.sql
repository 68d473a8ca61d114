-- Issue 22: the client's own preference before the decision (one per intake; the note sealed), and a
-- practitioner's suitability re-checks on a decided intake during an engagement (the note sealed).
create table client_preference (
    id               uuid        primary key,
    tenant_id        text        not null,
    intake_id        uuid        not null unique references intake (id),
    preference       text        not null,
    preferred_coach  text,
    note             text,                -- encrypted
    recorded_by      text        not null,
    recorded_at      timestamptz not null,
    version          bigint      not null default 0
);

create table suitability_check (
    id                  uuid        primary key,
    tenant_id           text        not null,
    intake_id           uuid        not null references intake (id),
    decided_pathway     text        not null,
    recomputed_pathway  text        not null,
    conclusion          text        not null,
    note                text,                -- encrypted
    checked_by          text        not null,
    checked_at          timestamptz not null
);
create index suitability_check_by_intake on suitability_check (tenant_id, intake_id, checked_at desc);
