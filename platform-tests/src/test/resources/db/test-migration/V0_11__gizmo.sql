-- Rows the paging tests walk through: made at a time (newest first) and due on a date (soonest first).
create table gizmo (
    id        uuid primary key,
    tenant_id text not null,
    made_at   timestamptz not null,
    due_on    date
);
