-- Instruments a tenant defines itself. A published version never changes; a change is a new version.
create table tenant_instrument (
    tenant_id   text        not null,
    code        text        not null,
    version     integer     not null,
    definition  text        not null,   -- the instrument as JSON
    created_by  text        not null,
    created_at  timestamptz not null,
    primary key (tenant_id, code, version)
);
