-- When an engagement closed: the organisation outcome report takes closed engagements in that order, in
-- groups of its minimum size, so that two reads never differ by one engagement. Earlier closes are read
-- from the audit of the move (every move to closed is audited), else the engagement's creation.
alter table engagement add column closed_at timestamptz;
update engagement e
   set closed_at = coalesce(
       (select max(a.occurred_at) from audit_event a
         where a.tenant_id = e.tenant_id and a.resource_type = 'engagement'
           and a.resource_id = e.id::text and a.action = 'move-to-closed'),
       e.created_at)
 where e.status = 'closed';
