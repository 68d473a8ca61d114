-- Issue 22: a contract version may state that coaching runs beside therapy (its boundaries and the
-- other professional, both encrypted); then an accepted referral does not pause the engagement.
alter table contract add column beside_therapy boolean not null default false;
alter table contract add column beside_therapy_boundaries text;            -- encrypted
alter table contract add column beside_therapy_other_professional text;    -- encrypted
