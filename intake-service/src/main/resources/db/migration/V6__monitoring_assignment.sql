-- Issue 21: an assignment can come from a monitoring measure of session-service (monitoring.due), at most one
-- per measure; the screening that completes it records the engagement and the measure, for screening.scored.
alter table assignment add column engagement_id uuid;
alter table assignment add column measure_id uuid;
alter table assignment add constraint assignment_one_per_measure unique (tenant_id, measure_id);
alter table screening add column engagement_id uuid;
alter table screening add column measure_id uuid;
