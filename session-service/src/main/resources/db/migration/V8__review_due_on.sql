-- Issue 17: the due-reviews list read every engagement's contracts and reviews, thousands of queries a
-- call. Each engagement now keeps the date its next periodic review is due (from activation or the last
-- periodic review, every N weeks of the contract version in force), kept where those change, so the
-- list is one indexed query.
alter table engagement add column review_due_on date;

-- The version in force is the latest one every required party accepted.
update engagement e
set review_due_on = coalesce(
        (select max(r.held_on) from review r where r.engagement_id = e.id and r.kind = 'periodic'),
        (e.activated_at at time zone 'UTC')::date) + 7 * c.review_every_weeks
from contract c
where c.engagement_id = e.id
  and e.activated_at is not null
  and c.review_every_weeks is not null
  and c.number = (select max(v.number) from contract v where v.engagement_id = e.id
                  and not exists (select 1 from contract_party p where p.contract_id = v.id and p.required and p.accepted_at is null));

create index engagement_review_due on engagement (tenant_id, review_due_on, id);

