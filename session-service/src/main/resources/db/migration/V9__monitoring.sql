-- Issue 21: measurement-based care. An engagement on coaching-with-monitoring or integrated work gets a
-- monitoring plan (which instruments, how often, until when), drafted from the tenant's monitoring policy;
-- each due point of the plan is one monitoring measure per instrument, completed by a scored screening.

-- The tenant's defaults for new plans; no row: the service's configured defaults (TenantSettings).
create table monitoring_policy (
    tenant_id       text        primary key,
    instruments     varchar[]   not null,
    every_sessions  integer,
    every_weeks     integer,
    updated_by      text        not null,
    updated_at      timestamptz not null,
    version         bigint      not null
);

create table monitoring_plan (
    id              uuid        primary key,
    tenant_id       text        not null,
    engagement_id   uuid        not null references engagement (id),
    instruments     varchar[]   not null,
    every_sessions  integer,    -- a measure after every N-th held session, or
    every_weeks     integer,    -- every N weeks from activation (exactly one of the two is set)
    until_date      date,       -- null: until the engagement ends
    updated_by      text        not null,
    updated_at      timestamptz not null,
    version         bigint      not null,
    unique (tenant_id, engagement_id),
    check ((every_sessions is null) <> (every_weeks is null))
);

create table monitoring_measure (
    id              uuid        primary key,
    tenant_id       text        not null,
    engagement_id   uuid        not null references engagement (id),
    instrument      varchar(64) not null,
    due_on          date        not null,
    status          varchar(16) not null,   -- due, completed
    screening_id    uuid,                   -- intake-service's screening that completed it
    created_at      timestamptz not null,
    completed_at    timestamptz
);
create index monitoring_measure_engagement on monitoring_measure (tenant_id, engagement_id, due_on);
create index monitoring_measure_open on monitoring_measure (tenant_id, status, due_on);
