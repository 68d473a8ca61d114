-- Tenants' webhook subscriptions and what was delivered to them (docs/webhooks.md).

create table webhook_subscription (
    id                   uuid         primary key,
    tenant_id            text         not null,
    url                  text         not null,
    event_types          text[]       not null,
    enabled              boolean      not null,
    disabled_reason      text,
    secret               text         not null,      -- sealed
    previous_secret      text,                       -- sealed; valid until previous_secret_until
    previous_secret_until timestamptz,
    created_at           timestamptz  not null,
    version              bigint       not null default 0
);
create index webhook_subscription_by_tenant on webhook_subscription (tenant_id, created_at desc, id desc);

create table webhook_delivery (
    id                   uuid         primary key,
    tenant_id            text         not null,
    subscription_id      uuid         not null references webhook_subscription (id) on delete cascade,
    event_id             text         not null,      -- webhook-id, stable across retries
    event_type           text         not null,
    body                 text         not null,      -- ids only, as the event carried them
    status               text         not null,      -- pending | delivered | failed
    attempts             integer      not null default 0,  -- in the current round (a redelivery starts one)
    next_attempt_at      timestamptz,
    claimed_until        timestamptz,                -- a worker is sending it; others leave it alone until then
    created_at           timestamptz  not null,
    delivered_at         timestamptz,
    version              bigint       not null default 0,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_by_subscription on webhook_delivery (tenant_id, subscription_id, created_at desc, id desc);

create table webhook_attempt (
    id                   uuid         primary key,
    tenant_id            text         not null,
    delivery_id          uuid         not null references webhook_delivery (id) on delete cascade,
    attempted_at         timestamptz  not null,
    status_code          integer,                    -- null: no HTTP answer
    error                text                        -- short; never the receiver's body
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempted_at desc);
