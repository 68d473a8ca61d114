-- Issue 22: the client asks to pause or end their engagement, or for another coach; a supervisor of the
-- engagement's practitioner grants or declines. Granting an end marks the engagement as ending at the
-- client's request; the practitioner's end review closes it as before.
alter table engagement add column end_requested_at timestamptz;

create table client_request (
    id               uuid        primary key,
    tenant_id        text        not null,
    engagement_id    uuid        not null references engagement (id),
    kind             text        not null,   -- pause | end | change-coach
    reason           text,                   -- encrypted
    preferred_coach  text,
    status           text        not null,   -- open | granted | declined
    requested_by     text        not null,
    requested_at     timestamptz not null,
    decided_by       text,
    decided_at       timestamptz,
    decision_note    text,                   -- encrypted
    new_coach        text,
    version          bigint      not null default 0
);
-- One open request of each kind per engagement, even when two arrive at once.
create unique index client_request_one_open on client_request (tenant_id, engagement_id, kind) where status = 'open';
create index client_request_queue on client_request (tenant_id, status, requested_at);
