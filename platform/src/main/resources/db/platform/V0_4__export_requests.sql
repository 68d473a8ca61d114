-- Subject exports run only on a recorded request (who, whom, why, reference), approved by a second
-- admin where the tenant asks for four eyes.
create table export_request (
    id             uuid         primary key,
    tenant_id      text         not null,
    subject        text         not null,
    reason         text         not null,             -- sealed (platform crypto)
    reference      text,
    requested_by   text         not null,
    requested_at   timestamptz  not null,
    needs_approval boolean      not null,
    approved_by    text,
    approved_at    timestamptz,
    last_used_at   timestamptz,
    uses           integer      not null default 0
);
create index export_request_by_tenant on export_request (tenant_id, requested_at desc, id desc);

create table export_setting (
    tenant_id      text         primary key,
    four_eyes      boolean      not null,
    changed_by     text         not null,
    changed_at     timestamptz  not null
);
