-- Who supervises whom, from assessment-service's practitioner.supervisor-changed events.
-- A supervisor reaches the engagements of their supervisees only.
create table practitioner_supervisor (
    tenant_id        text        not null,
    practitioner_id  text        not null,
    supervisor_id    text        not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, practitioner_id)
);
create index supervisor_lookup on practitioner_supervisor (tenant_id, supervisor_id);
