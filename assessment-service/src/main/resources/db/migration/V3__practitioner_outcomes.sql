-- Issue 21: a practitioner's outcomes as evidence, aggregated from session-service's engagement.outcome:
-- counts per practitioner only, never a client or an engagement's classifications. The engagements counted
-- are remembered by id alone, so an outcome replayed under a new event id is not counted twice.
create table practitioner_outcome (
    tenant_id            text        not null,
    practitioner_id      text        not null,
    engagements          integer     not null,  -- closed by an end review
    measured             integer     not null,  -- with at least one instrument classified
    reliably_improved    integer     not null,  -- some instrument reliably improved or reliably recovered
    reliably_deteriorated integer    not null,  -- some instrument reliably deteriorated
    goals                integer     not null,
    goals_met            integer     not null,  -- as the clients judged them
    sessions_held        integer     not null,
    updated_at           timestamptz not null,
    primary key (tenant_id, practitioner_id)
);

create table practitioner_outcome_counted (
    tenant_id     text not null,
    engagement_id uuid not null,
    primary key (tenant_id, engagement_id)
);
