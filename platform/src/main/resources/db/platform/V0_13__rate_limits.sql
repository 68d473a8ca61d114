-- Token buckets of the rate limits (Bucket4j's PostgreSQL backend): one row per client or tenant
-- budget, shared by the service's replicas. id names no person (a client's is a hash); state is
-- Bucket4j's serialised bucket; expires_at (epoch millis) lets a sweep drop buckets that refilled
-- completely.
create table rate_limit_bucket (
    id         varchar(400) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- A tenant's own budgets, set by its admin (TenantSettings: a revision, an audited replacement).
create table tenant_rate_limits (
    tenant_id    text        primary key,
    client_limit bigint      not null,
    tenant_limit bigint      not null,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    version      bigint      not null
);
