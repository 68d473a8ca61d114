-- The day a deterioration asked for a review: it stays due until a periodic review is held on or after that day,
-- whatever contract version comes into force meanwhile (which recomputes the periodic date).
alter table engagement add column review_requested_on date;

-- An open engagement whose latest score of an instrument is a deterioration no periodic review has answered since
-- asked for one before this column existed.
update engagement e set review_requested_on = d.day
from (select t.engagement_id, min((t.updated_at at time zone 'UTC')::date) as day
      from score_trajectory t where t.deteriorated group by t.engagement_id) d
where d.engagement_id = e.id and e.status <> 'closed'
  and not exists (select 1 from review r where r.engagement_id = e.id and r.kind = 'periodic' and r.held_on >= d.day);
