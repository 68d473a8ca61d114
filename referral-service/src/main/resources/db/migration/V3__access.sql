-- Issue 16 (access policies).
-- A risk flag raised on an intake before the person has an account opens a draft that names the
-- intake only: the client subject is filled in once it exists.
alter table referral alter column client_subject drop not null;

-- The serious-risk exception is approved for exact terms: the referral's terms revision (bumped by
-- every change of terms or justification) and a digest of urgency, service, disclosure, reason,
-- name, contact and justification. Any change voids the approval.
alter table referral add column terms_revision integer not null default 0;
alter table referral add column exception_approved_revision integer;
alter table referral add column exception_approved_terms text;
alter table referral add column exception_approved_urgency text;
alter table referral add column exception_approved_service uuid;
alter table referral add column exception_approved_disclose varchar[];

-- Engagements as session-service last described them (engagement.status-changed): who may name
-- which engagement and client in a referral or self-help offer.
create table known_engagement (
    tenant_id       text        not null,
    engagement_id   uuid        not null,
    client_subject  text,
    practitioner_id text,
    status          text        not null,
    -- The client accepted its contract once (it was active or paused): only then is the client on the
    -- practitioner's caseload. A draft a coach opened naming anyone, then closed, never counts.
    accepted        boolean     not null default false,
    updated_at      timestamptz not null,
    primary key (tenant_id, engagement_id)
);
create index known_engagement_by_practitioner on known_engagement (tenant_id, practitioner_id, client_subject);

-- Who supervises which practitioner, as assessment-service last said (practitioner.supervisor-changed).
create table practitioner_supervisor (
    tenant_id        text        not null,
    practitioner_id  text        not null,
    supervisor_id    text        not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, practitioner_id)
);
create index practitioner_supervisor_lookup on practitioner_supervisor (tenant_id, supervisor_id);
