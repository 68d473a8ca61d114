-- Engagements and their versioned contracts. Free text is encrypted (platform FieldCipher).

create table engagement (
    id                    uuid        primary key,
    tenant_id             text        not null,
    client_subject        text        not null,
    practitioner_id       text        not null,
    pathway               text        not null,
    sponsor_organisation  text,
    status                text        not null,
    source_intake_id      uuid,
    sessions_prepaid      integer,
    sessions_remaining    integer,
    created_by            text        not null,
    created_at            timestamptz not null,
    version               bigint      not null,
    unique (tenant_id, source_intake_id)  -- one draft per decided intake, however often the event arrives
);
create index engagement_page on engagement (tenant_id, created_at desc, id desc);
create index engagement_by_client on engagement (tenant_id, client_subject);
create index engagement_by_practitioner on engagement (tenant_id, practitioner_id);

create table contract (
    id                          uuid        primary key,
    tenant_id                   text        not null,
    engagement_id               uuid        not null references engagement (id),
    number                      integer     not null,   -- 1, 2, ... a change is a new version
    purpose                     text        not null,   -- encrypted
    goals_in_scope              text,                   -- encrypted
    confidentiality_terms       text,                   -- encrypted
    limits_of_confidentiality   text,                   -- encrypted
    review_every_weeks          integer,
    sessions_prepaid            integer,
    disclose_attendance         boolean     not null,
    disclose_session_dates      boolean     not null,
    disclose_session_counts     boolean     not null,
    disclose_progress_summaries boolean     not null,
    created_by                  text        not null,
    created_at                  timestamptz not null,
    unique (engagement_id, number)
);

create table contract_party (
    id            uuid        primary key,
    tenant_id     text        not null,
    contract_id   uuid        not null references contract (id),
    role          text        not null,   -- client | coach | sponsor | other
    subject       text        not null,
    required      boolean     not null,
    accepted_at   timestamptz,
    unique (contract_id, subject)
);
