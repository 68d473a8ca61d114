-- A score trajectory's classification was written as the audit action and its instrument as the reason
-- ('trajectory-reliable-deterioration', 'PHQ-9'), a measure falling due named its instrument, and a completed
-- therapy its kind. Admins read the audit trail (GET /v1/audit-events) and never a client's clinical picture. The
-- rows keep that the system acted, and when (reasons are sealed, so the clinical ones go whole).
update audit_event set action = 'update-trajectory', reason = null
 where resource_type = 'engagement' and action like 'trajectory-%';
-- A review brought forward was audited only on a deterioration: such an entry, whatever its words, tells.
delete from audit_event where resource_type = 'engagement' and action = 'review-due-on-deterioration';
update audit_event set reason = null
 where (resource_type = 'monitoring-measure' and action = 'fall-due')
    or (resource_type = 'referral' and action = 'record-completed-therapy');
