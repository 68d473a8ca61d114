-- The tenant's referral directory, shaped after Open Referral (HSDS): organisations and the services they run.

create table directory_organisation (
    id          uuid        primary key,
    tenant_id   text        not null,
    name        text        not null,
    description text,
    website     text,
    email       text,
    phone       text,
    created_by  text        not null,
    created_at  timestamptz not null,
    version     bigint      not null
);
create index directory_organisation_page on directory_organisation (tenant_id, created_at desc, id desc);

create table directory_service (
    id                       uuid        primary key,
    tenant_id                text        not null,
    organisation_id          uuid        not null references directory_organisation (id),
    name                     text        not null,
    description              text,
    kind                     text        not null,  -- therapy, counselling, gp, psychiatry, crisis-line, support-work, self-help, other
    eligibility              text,
    areas_served             varchar[]      not null,  -- lower case, so a search is an exact element match
    languages                varchar[]      not null,  -- BCP 47 tags, lower case
    email                    text,
    phone                    text,
    website                  text,
    how_to_refer             text,
    practitioner_name        text,                  -- when the service is one practitioner's practice
    professional_registration text,
    accepting_referrals      boolean     not null,
    created_by               text        not null,
    created_at               timestamptz not null,
    version                  bigint      not null
);
create index directory_service_page on directory_service (tenant_id, created_at desc, id desc);
create index directory_service_kind on directory_service (tenant_id, kind);
