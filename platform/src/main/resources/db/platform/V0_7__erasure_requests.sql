-- Erasure requests of the erasure coordinator (one service sets praxis.privacy.erasure-coordinator; the
-- tables are empty elsewhere): who asked to erase whom and why, and each service's confirmation.
create table erasure_request (
    id            uuid         primary key,
    tenant_id     text         not null,
    subject       text,                              -- null once complete: only the pseudonym stays
    pseudonym     text         not null,
    reason        text         not null,             -- sealed (platform crypto)
    reference     text,
    requested_by  text         not null,
    requested_at  timestamptz  not null,
    completed_at  timestamptz,
    event_id      uuid                               -- its outbox row, deleted once complete (it names the person)
);
create index erasure_request_by_tenant on erasure_request (tenant_id, requested_at desc, id desc);
-- One erasure of a person in progress at a time: a second request returns the first.
create unique index erasure_request_in_progress on erasure_request (tenant_id, subject) where completed_at is null;

-- One row per service expected to confirm, made with the request; confirmed_at and records (the counts the
-- service reported, e.g. {"intakes": 2}) are set by its subject.erased, once.
create table erasure_confirmation (
    request_id    uuid         not null references erasure_request (id),
    service       text         not null,
    confirmed_at  timestamptz,
    records       jsonb,
    primary key (request_id, service)
);
