-- Issue 22: an end review may agree a follow-up; the engagement then waits in status follow-up for its
-- dates and booster sessions before it closes.
alter table engagement add column follow_up_dates text;        -- ISO dates, comma-separated, after the end review
alter table engagement add column boosters_agreed integer;     -- null: no follow-up agreed
alter table engagement add column boosters_within date;        -- the last day a booster may be held
alter table engagement add column boosters_held   integer;
alter table engagement add column end_review      uuid;        -- the end review that agreed the follow-up
alter table coaching_session add column booster boolean not null default false;
