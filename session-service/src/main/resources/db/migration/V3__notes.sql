-- A coach's private notes and the shared summaries the client sees; signed notes change only by addenda.
create table session_note (
    id             uuid        primary key,
    tenant_id      text        not null,
    engagement_id  uuid        not null references engagement (id),
    session_id     uuid        references coaching_session (id),
    kind           text        not null,   -- private | shared
    body           text        not null,   -- encrypted
    author         text        not null,
    created_at     timestamptz not null,
    signed_at      timestamptz,
    version        bigint      not null
);
create index note_by_engagement on session_note (tenant_id, engagement_id, created_at);

create table note_addendum (
    id          uuid        primary key,
    tenant_id   text        not null,
    note_id     uuid        not null references session_note (id),
    seq         integer     not null,
    body        text        not null,      -- encrypted
    author      text        not null,
    signed_at   timestamptz not null,
    unique (note_id, seq)
);

create table risk_concern (
    id             uuid        primary key,
    tenant_id      text        not null,
    engagement_id  uuid        not null references engagement (id),
    session_id     uuid        references coaching_session (id),
    level          text        not null,
    raised_by      text        not null,
    raised_at      timestamptz not null
);
