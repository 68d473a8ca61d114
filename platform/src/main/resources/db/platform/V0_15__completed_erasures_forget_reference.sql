-- A completed erasure forgets the admin's reference and the audit trail's copy of the reason (ErasureConfirmations
-- does so since 2026-12-03); requests completed before keep them until this runs. The sealed reason itself can only
-- be resealed by the service's key, so those older requests keep it, readable by the tenant's admins only.
update erasure_request set reference = null where completed_at is not null and reference is not null;
update audit_event set reason = null
where action = 'request-erasure' and resource_type = 'erasure-request' and reason is not null
  and resource_id in (select id::text from erasure_request where completed_at is not null);
