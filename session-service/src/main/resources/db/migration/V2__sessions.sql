-- Coaching sessions of an engagement.
create table coaching_session (
    id                      uuid        primary key,
    tenant_id               text        not null,
    engagement_id           uuid        not null references engagement (id),
    scheduled_at            timestamptz not null,
    duration_minutes        integer     not null,
    mode                    text        not null,   -- in-person | video | phone
    model                   text,                   -- GROW | OSKAR | CLEAR | ABCDEF | other
    status                  text        not null,   -- scheduled | held | no-show | cancelled
    cancelled_by            text,
    cancelled_late          boolean,
    scaling                 integer,                -- the client's 0-10 (OSKAR)
    previous_goals_reviewed boolean,
    completed_at            timestamptz,
    created_at              timestamptz not null,
    version                 bigint      not null
);
create index session_by_engagement on coaching_session (tenant_id, engagement_id, scheduled_at);
