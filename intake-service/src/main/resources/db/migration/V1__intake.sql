-- Intake: intakes, instrument assignments, scored screenings, risk flags and their steps, decisions.
-- Free text and answers are stored encrypted (platform FieldCipher); every table carries tenant_id.

create table intake (
    id                   uuid        primary key,
    tenant_id            text        not null,
    client_subject       text,
    display_name         text        not null,  -- encrypted
    presenting_concerns  text,                  -- encrypted
    hoped_for_outcomes   text,                  -- encrypted
    sponsor_organisation text,
    assigned_coach       text,
    status               text        not null,
    created_by           text        not null,
    created_at           timestamptz not null,
    version              bigint      not null
);
create index intake_page on intake (tenant_id, created_at desc, id desc);
create index intake_by_client on intake (tenant_id, client_subject);
create index intake_by_coach on intake (tenant_id, assigned_coach);

create table assignment (
    id               uuid        primary key,
    tenant_id        text        not null,
    intake_id        uuid        not null references intake (id),
    client_subject   text        not null,
    instrument_code  text        not null,
    due_date         date,
    status           text        not null,
    screening_id     uuid,
    created_by       text        not null,
    created_at       timestamptz not null
);
create index assignment_by_client on assignment (tenant_id, client_subject, status);

create table screening (
    id                 uuid        primary key,
    tenant_id          text        not null,
    intake_id          uuid        not null references intake (id),
    instrument_code    text        not null,
    instrument_version integer     not null,
    scoring_version    text        not null,
    answers            text        not null,   -- encrypted JSON
    total              integer     not null,
    severity           text        not null,
    percent            integer,
    submitted_by       text        not null,
    scored_at          timestamptz not null
);
create index screening_by_intake on screening (tenant_id, intake_id, scored_at desc);

create table risk_flag (
    id            uuid        primary key,
    tenant_id     text        not null,
    intake_id     uuid        not null references intake (id),
    screening_id  uuid        references screening (id),
    code          text        not null,
    level         text        not null,
    source        text        not null,      -- item | manual
    status        text        not null,
    raised_by     text        not null,
    raised_at     timestamptz not null,
    version       bigint      not null
);
create index risk_flag_queue on risk_flag (tenant_id, status, raised_at desc, id desc);

create table risk_flag_step (
    id            uuid        primary key,
    tenant_id     text        not null,
    risk_flag_id  uuid        not null references risk_flag (id),
    status        text        not null,
    actor         text        not null,
    at            timestamptz not null,
    note          text                     -- encrypted
);
create index risk_flag_step_by_flag on risk_flag_step (risk_flag_id, at);

create table decision (
    id                   uuid        primary key,
    tenant_id            text        not null,
    intake_id            uuid        not null unique references intake (id),
    pathway              text        not null,
    recommended_pathway  text        not null,
    practitioner_id      text,
    reason               text,                -- encrypted
    decided_by           text        not null,
    decided_at           timestamptz not null
);

-- Fed by assessment-service's eligibility.changed events.
create table practitioner_eligibility (
    tenant_id        text        not null,
    practitioner_id  text        not null,
    eligibility      text        not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, practitioner_id, eligibility)
);
