-- What the organisation outcome report counts of one engagement, taken when its group of the minimum size
-- is released and never changed after: a judgement given later, a session outcome recorded late or the
-- client's erasure cannot move a figure already shown, so no two reads differ by one engagement. Counts
-- only; no person.
create table outcome_report_entry (
    engagement_id  uuid        primary key,
    tenant_id      text        not null,
    organisation   text        not null,
    position       integer     not null,
    released_at    timestamptz not null,
    held           integer     not null,
    no_shows       integer     not null,
    measured       boolean     not null,
    improved       boolean     not null,
    goals_met      integer     not null,
    goals_partly   integer     not null,
    goals_not_met  integer     not null
);
create index outcome_report_entry_by_organisation on outcome_report_entry (tenant_id, organisation, position);
