-- Whether the engagement's pause is the therapy's (its current referral paused it, or took over a pause it
-- found): only such a pause ends with the referral; one a person made while coaching ran beside the therapy
-- outlasts it. For paused engagements with a current referral, the audit of their latest pause tells: the
-- referral's own move (a system actor), the pause that followed the draft's activation in the same acceptance,
-- or a referral accepted while already paused (audited as referral-accepted, at or after that pause).
alter table engagement add column paused_by_referral boolean not null default false;

with latest_pause as (
    select e.id, e.tenant_id, p.actor, p.occurred_at
      from engagement e
      join lateral (
          select a.actor, a.occurred_at from audit_event a
           where a.tenant_id = e.tenant_id and a.resource_type = 'engagement'
             and a.resource_id = e.id::text and a.action = 'move-to-paused'
           order by a.occurred_at desc limit 1) p on true
     where e.status = 'paused' and e.current_referral is not null
)
update engagement e set paused_by_referral = true
  from latest_pause l
 where e.id = l.id
   and (l.actor like 'system:%'
        or exists (select 1 from audit_event a
                    where a.tenant_id = l.tenant_id and a.resource_type = 'engagement'
                      and a.resource_id = l.id::text and a.action = 'move-to-active' and a.actor = l.actor
                      and a.occurred_at between l.occurred_at - interval '1 second' and l.occurred_at)
        or exists (select 1 from audit_event a
                    where a.tenant_id = l.tenant_id and a.resource_type = 'engagement'
                      and a.resource_id = l.id::text and a.action = 'referral-accepted'
                      and a.occurred_at >= l.occurred_at));
