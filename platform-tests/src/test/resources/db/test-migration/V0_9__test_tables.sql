create table applied_effect (
    event_id   text        not null,
    handler    text        not null,
    tenant_id  text        not null,
    applied_at timestamptz not null default now()
);
create table widget (
    id         uuid        primary key,
    tenant_id  text        not null,
    name       text        not null,
    version    bigint      not null
);
create table sealed_note (
    id         uuid        primary key,
    tenant_id  text        not null,
    body       text,
    other_body text
);
