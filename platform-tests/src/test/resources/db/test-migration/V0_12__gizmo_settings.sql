-- A tenant setting of the platform's tests (TenantSettings): one row per tenant once changed.
create table gizmo_settings (
    tenant_id  text primary key,
    colour     text not null,
    updated_by text,
    updated_at timestamptz,
    version    bigint not null
);
