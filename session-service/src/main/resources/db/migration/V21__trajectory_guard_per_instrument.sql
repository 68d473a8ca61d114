-- The trajectory handler guards each instrument of an intake on its own now (TrajectoryChangedHandler.stateKey):
-- every trajectory applied so far starts from the sequence its intake had reached, so replaying an event older
-- than what was applied still changes nothing.
insert into applied_sequence (consumer, tenant_id, aggregate_id, sequence, applied_at)
select distinct a.consumer, a.tenant_id, a.aggregate_id || '/' || t.instrument, a.sequence, a.applied_at
from applied_sequence a
join engagement e on e.tenant_id = a.tenant_id and e.source_intake_id::text = a.aggregate_id
join score_trajectory t on t.tenant_id = e.tenant_id and t.engagement_id = e.id
where a.consumer = 'session-trajectory-changed'
on conflict do nothing;
