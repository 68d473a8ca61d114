-- When the erasure was requested: an event about the person from before it re-creates nothing, one
-- from after it (the person came back, e.g. a new intake under the same account) is theirs to apply.
alter table erased_subject add column requested_at timestamptz;
update erased_subject set requested_at = erased_at where requested_at is null;
alter table erased_subject alter column requested_at set not null;
