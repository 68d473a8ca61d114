-- Issue 22: the client's feedback on the coach after a held session, once per session. The practitioner
-- sees trends (counts and means per month, comments only once a month holds enough answers), never a row;
-- every five new answers of a practitioner are published once as an aggregate (batch_published_at), with
-- no client, engagement or session in it. The practitioner is the engagement's at the time of the answer.
create table session_feedback (
    id                    uuid        primary key,
    tenant_id             text        not null,
    session_id            uuid        not null unique references coaching_session (id),
    engagement_id         uuid        not null references engagement (id),
    practitioner_id       text        not null,
    felt_heard            integer     not null check (felt_heard between 0 and 10),
    worked_on_what_mattered integer   not null check (worked_on_what_mattered between 0 and 10),
    approach_fitted       integer     not null check (approach_fitted between 0 and 10),
    overall               integer     not null check (overall between 0 and 10),
    comment               text,                   -- encrypted
    answered_at           timestamptz not null,
    batch_published_at    timestamptz             -- counted in a published feedback-aggregated event
);
create index session_feedback_by_engagement on session_feedback (tenant_id, engagement_id);
create index session_feedback_by_practitioner on session_feedback (tenant_id, practitioner_id, answered_at);
