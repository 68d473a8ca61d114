-- Issue 21: per engagement and instrument, the client's scores as intake-service classified them
-- (trajectory.changed): the baseline and the latest total and band, the classification and the version
-- of the published thresholds it used. One row per instrument, replaced by each newer screening; the end
-- review and the sponsor's organisation report (classifications only, where the contract allows) read it.
create table score_trajectory (
    id                    uuid        primary key,
    tenant_id             text        not null,
    engagement_id         uuid        not null references engagement (id),
    instrument            text        not null,
    baseline_screening_id uuid        not null,
    latest_screening_id   uuid        not null,
    baseline_total        integer     not null,
    latest_total          integer     not null,
    baseline_band         text,
    latest_band           text,
    classification        text        not null,
    deteriorated          boolean     not null,
    thresholds_version    text        not null,
    updated_at            timestamptz not null,
    unique (engagement_id, instrument)
);
create index score_trajectory_by_engagement on score_trajectory (tenant_id, engagement_id);

-- A contract may let the engagement be counted (never named) in the sponsor's organisation outcome report.
alter table contract add column disclose_aggregate_outcomes boolean not null default false;
