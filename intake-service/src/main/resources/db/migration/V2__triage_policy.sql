-- A tenant's own triage thresholds; without a row the defaults of DESIGN.md apply.
create table triage_policy (
    tenant_id                 text        primary key,
    phq9_therapy              integer     not null,
    gad7_therapy              integer     not null,
    phq9_integrated           integer     not null,
    gad7_integrated           integer     not null,
    phq9_monitoring           integer     not null,
    gad7_monitoring           integer     not null,
    wsas_monitoring           integer     not null,
    screen_positive_threshold integer     not null,
    updated_by                text        not null,
    updated_at                timestamptz not null,
    version                   bigint      not null
);
