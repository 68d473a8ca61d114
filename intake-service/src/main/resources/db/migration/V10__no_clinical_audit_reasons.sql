-- A client's preference and a suitability conclusion were written as audit reasons, which admins read
-- (GET /v1/audit-events). They are clinical choices admins do not see: the rows keep who did what and when.
update audit_event set reason = null
 where resource_type = 'intake' and action in ('record-preference', 'recheck-suitability');
