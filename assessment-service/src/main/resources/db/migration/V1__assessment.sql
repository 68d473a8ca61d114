-- Competence frameworks (tenant versions; the built-in one lives in code), practitioners, evidence,
-- supervision, assessments with self and assessor ratings kept apart, development plans, eligibility.
-- Free text (descriptions, comments, actions) is encrypted by the platform FieldCipher.

create table framework_version (
    id          uuid        primary key,
    tenant_id   text        not null,
    code        text        not null,
    version     integer     not null,
    title       text        not null,
    document    text        not null,   -- the CASE document as imported (canonical JSON); never changes
    created_by  text        not null,
    created_at  timestamptz not null,
    unique (tenant_id, code, version)
);

create table assessment_settings (
    tenant_id                 text        primary key,
    framework_code            text        not null,
    framework_version         integer     not null,
    min_practice_minutes      integer     not null,
    min_supervision_minutes   integer     not null,
    updated_by                text        not null,
    updated_at                timestamptz not null,
    version                   bigint      not null
);

create table practitioner (
    id            uuid        primary key,
    tenant_id     text        not null,
    subject       text        not null,
    display_name  text        not null,   -- encrypted
    roles         varchar[]   not null,
    supervisor_id text,
    created_by    text        not null,
    created_at    timestamptz not null,
    version       bigint      not null,
    unique (tenant_id, subject)
);
create index practitioner_page on practitioner (tenant_id, created_at desc, id desc);
create index practitioner_by_supervisor on practitioner (tenant_id, supervisor_id);

create table registration (
    id              uuid        primary key,
    tenant_id       text        not null,
    practitioner_id text        not null,   -- the practitioner's subject
    kind            text        not null,   -- therapy-register, coaching-body, other
    body            text        not null,
    number          text        not null,   -- encrypted
    expires_on      date        not null,
    created_at      timestamptz not null,
    version         bigint      not null
);
create index registration_by_practitioner on registration (tenant_id, practitioner_id);
create index registration_by_expiry on registration (expires_on);

create table evidence (
    id                uuid        primary key,
    tenant_id         text        not null,
    practitioner_id   text        not null,
    kind              text        not null,  -- observed-session, recording-review, supervision-discussion, cpd, reflective-log, practice-hours
    occurred_on       date        not null,
    description       text,                  -- encrypted
    competences       varchar[]   not null,
    minutes           integer,
    source_session_id uuid,                  -- practice hours from session.completed
    recorded_by       text        not null,
    recorded_at       timestamptz not null,
    unique (tenant_id, source_session_id)    -- one record per completed session, however often the event arrives
);
create index evidence_page on evidence (tenant_id, practitioner_id, recorded_at desc, id desc);

create table evidence_attachment (
    id          uuid primary key,
    evidence_id uuid not null references evidence (id) on delete cascade,
    url         text not null,
    sha256      text
);
create index evidence_attachment_by_evidence on evidence_attachment (evidence_id);

create table supervision_session (
    id               uuid        primary key,
    tenant_id        text        not null,
    supervisee_id    text        not null,
    supervisor_id    text        not null,
    held_on          date        not null,
    duration_minutes integer     not null,
    competences      varchar[]   not null,
    notes            text,                  -- encrypted
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);
create index supervision_page on supervision_session (tenant_id, supervisee_id, recorded_at desc, id desc);

create table assessment (
    id                uuid        primary key,
    tenant_id         text        not null,
    practitioner_id   text        not null,
    framework_code    text        not null,
    framework_version integer     not null,
    status            text        not null,  -- open, completed
    opened_by         text        not null,
    opened_at         timestamptz not null,
    completed_by      text,
    completed_at      timestamptz,
    version           bigint      not null
);
create index assessment_page on assessment (tenant_id, practitioner_id, opened_at desc, id desc);

create table rating (
    id              uuid        primary key,
    tenant_id       text        not null,
    assessment_id   uuid        not null references assessment (id),
    competence_code text        not null,
    source          text        not null,   -- self or assessor: kept apart, never averaged
    level           text        not null,   -- not-yet, developing, competent, advanced
    comment         text,                   -- encrypted
    evidence_ids    uuid[]      not null,
    rated_by        text        not null,
    rated_at        timestamptz not null,
    unique (assessment_id, competence_code, source)
);

create table development_action (
    id              uuid        primary key,
    tenant_id       text        not null,
    practitioner_id text        not null,
    competence_code text        not null,
    action          text        not null,   -- encrypted
    due_on          date        not null,
    done_at         timestamptz,
    created_by      text        not null,
    created_at      timestamptz not null,
    version         bigint      not null
);
create index development_action_by_practitioner on development_action (tenant_id, practitioner_id, due_on);

create table practitioner_eligibility (
    tenant_id       text        not null,
    practitioner_id text        not null,
    eligibilities   varchar[]   not null,
    changed_at      timestamptz not null,
    primary key (tenant_id, practitioner_id)
);
