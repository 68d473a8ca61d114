-- Who supervises which practitioner, as assessment-service last said (practitioner.supervisor-changed):
-- a supervisor reaches the intakes of the coaches they supervise, and those nobody is assigned to.
create table practitioner_supervisor (
    tenant_id        text        not null,
    practitioner_id  text        not null,
    supervisor_id    text        not null,
    updated_at       timestamptz not null,
    primary key (tenant_id, practitioner_id)
);
create index practitioner_supervisor_lookup on practitioner_supervisor (tenant_id, supervisor_id);
