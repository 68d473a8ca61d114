-- Tables every service keeps for the platform: outbox, inbox, audit, idempotency keys.
-- Service migrations start at V1; the platform's are V0_x so they always run first.

create table outbox_event (
    seq            bigserial    primary key,          -- send order
    id             uuid         not null unique,      -- becomes ce_id
    tenant_id      text         not null,
    topic          text         not null,
    aggregate_id   text         not null,             -- Kafka key
    event_type     text         not null,             -- ce_type
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    sent_at        timestamptz,
    attempts       integer      not null default 0,
    last_error     text
);
create index outbox_event_pending on outbox_event (seq) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

create table inbox_event (
    consumer       text         not null,
    event_id       text         not null,
    topic          text         not null,
    event_type     text,
    outcome        text         not null,             -- applied | dead-lettered
    received_at    timestamptz  not null default now(),
    primary key (consumer, event_id)
);

create table audit_event (
    id             uuid         primary key,
    tenant_id      text         not null,
    actor          text         not null,
    action         text         not null,
    resource_type  text         not null,
    resource_id    text,
    reason         text,
    occurred_at    timestamptz  not null
);
create index audit_event_by_tenant on audit_event (tenant_id, occurred_at desc, id desc);
create index audit_event_by_resource on audit_event (tenant_id, resource_type, resource_id);

create table idempotency_record (
    tenant_id      text         not null,
    scope          text         not null,             -- caller and operation
    idempotency_key text        not null,
    request_hash   text         not null,
    status         integer,
    location       text,
    body           text,
    created_at     timestamptz  not null default now(),
    primary key (tenant_id, scope, idempotency_key)
);
