-- The day a deterioration asked for a review: it stays due until a periodic review is held on or after that day,
-- whatever contract version comes into force meanwhile (which recomputes the periodic date).
alter table engagement add column review_requested_on date;
