-- Reviews: periodic ones by the contract's schedule, and the end review that closes an engagement.
alter table engagement add column activated_at timestamptz;
alter table engagement add column current_referral uuid;   -- the accepted referral pausing it, or running alongside (integrated)

-- Fed by assessment-service's eligibility.changed events.
create table practitioner_eligibility (
    tenant_id        text        not null,
    practitioner_id  text        not null,
    eligibility      text        not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, practitioner_id, eligibility)
);

create table review (
    id                        uuid        primary key,
    tenant_id                 text        not null,
    engagement_id             uuid        not null references engagement (id),
    kind                      text        not null,   -- periodic | end
    held_on                   date        not null,
    what_changed              text,                   -- encrypted
    goals_met                 text,                   -- ids of goals the client judged met, comma-separated
    follow_up_offered         boolean     not null,
    booster_sessions_offered  integer     not null,
    created_by                text        not null,
    created_at                timestamptz not null
);
create index review_by_engagement on review (tenant_id, engagement_id, held_on);
