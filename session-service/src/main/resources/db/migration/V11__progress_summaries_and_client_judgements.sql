-- Issue 21: progress summaries the practitioner drafts for the sponsor and the client approves or rejects
-- (only approved ones reach the sponsor report, and only when the contract in force discloses them), and
-- the client's own judgement of their goals at the end review, beside the practitioner's.
create table progress_summary (
    id           uuid        primary key,
    tenant_id    text        not null,
    engagement_id uuid       not null references engagement (id),
    body         text        not null,   -- encrypted
    status       text        not null,   -- draft | approved | rejected | withdrawn
    drafted_by   text        not null,
    drafted_at   timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    version      bigint      not null default 0
);
create index progress_summary_by_engagement on progress_summary (tenant_id, engagement_id, drafted_at);

create table client_judgement (
    id            uuid        primary key,
    tenant_id     text        not null,
    engagement_id uuid        not null references engagement (id),
    review_id     uuid        not null unique references review (id),
    what_changed  text,                   -- encrypted
    judged_by     text        not null,
    created_at    timestamptz not null
);
create index client_judgement_by_engagement on client_judgement (tenant_id, engagement_id);

create table client_goal_judgement (
    id            uuid        primary key,
    tenant_id     text        not null,
    judgement_id  uuid        not null references client_judgement (id),
    goal_id       uuid        not null references goal (id),
    judgement     text        not null,   -- met | partly | not-met
    unique (judgement_id, goal_id)
);
