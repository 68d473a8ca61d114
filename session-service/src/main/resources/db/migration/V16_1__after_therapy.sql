-- Issue 22: coaching after therapy. Session-service records each therapy-like referral that completed
-- (from referral.status-changed); a client, coach or supervisor starts one coaching engagement from it.

create table completed_therapy_referral (
    id              uuid        primary key,
    tenant_id       text        not null,
    referral_id     uuid        not null,
    client_subject  text        not null,
    intake_id       uuid,
    engagement_id   uuid,       -- the engagement the referral was made from, if any
    practitioner_id text,
    service_kind    text        not null,
    completed_at    timestamptz not null,
    unique (tenant_id, referral_id)
);
create index completed_therapy_referral_by_client on completed_therapy_referral (tenant_id, client_subject);

alter table engagement add column after_therapy_referral uuid;
alter table engagement add column preceding_engagement_id uuid;
-- One coaching engagement after each completed referral.
create unique index engagement_after_therapy on engagement (tenant_id, after_therapy_referral)
    where after_therapy_referral is not null;
-- An intake still drafts one engagement from its decision, however often the event arrives; an engagement
-- after therapy may name the same intake (an intake decided therapy never had one; one that had one
-- may be followed after its referral completes).
alter table engagement drop constraint engagement_tenant_id_source_intake_id_key;
create unique index engagement_from_decision on engagement (tenant_id, source_intake_id)
    where after_therapy_referral is null;

-- The tenant's policy for coaching after therapy: whether a new full intake is needed first.
create table after_therapy_policy (
    tenant_id           text        primary key,
    new_intake_required boolean     not null,
    updated_by          text        not null,
    updated_at          timestamptz not null,
    version             bigint      not null
);
