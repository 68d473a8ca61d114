-- Per handler and aggregate (the Kafka key), the ce_sequence of the last event a state-replacing
-- handler applied: an older event arriving later (a replay, a dead letter replayed after a fix) is
-- not applied over newer state.
create table applied_sequence (
    consumer       text         not null,
    tenant_id      text         not null,
    aggregate_id   text         not null,
    sequence       bigint       not null,
    applied_at     timestamptz  not null default now(),
    primary key (consumer, tenant_id, aggregate_id)
);

-- People erased in this service, by pseudonym: an event sent before the erasure but read after it
-- re-creates nothing for them.
create table erased_subject (
    tenant_id      text         not null,
    pseudonym      text         not null,
    request_id     text         not null,
    erased_at      timestamptz  not null default now(),
    primary key (tenant_id, pseudonym)
);

-- Events of a type this version does not know (a newer publisher's v2, or a type only newer
-- consumers handle): kept and offered again until a version that knows the type applies them.
create table parked_event (
    topic          text         not null,
    kafka_partition integer     not null,
    kafka_offset   bigint       not null,
    event_id       text         not null,
    event_type     text         not null,
    tenant_id      text         not null,
    record_key     text,
    record_value   text,
    headers        jsonb        not null,
    parked_at      timestamptz  not null default now(),
    tries          integer      not null default 0,
    primary key (topic, kafka_partition, kafka_offset)
);
create index parked_event_by_age on parked_event (parked_at);
