-- Issue 16 (hole 6): eligibility rests on verified facts. Practice hours, supervision sessions and
-- registrations a practitioner types in count only once verified (who, when): evidence and supervision
-- by the practitioner's supervisor, registrations by an admin. Hours from session.completed are
-- verified by the system as they arrive. Entries typed in before this change await verification.
alter table evidence add column verified_by text, add column verified_at timestamptz;
alter table supervision_session add column verified_by text, add column verified_at timestamptz;
alter table registration add column verified_by text, add column verified_at timestamptz;

update evidence set verified_by = 'system:session.completed', verified_at = recorded_at where source_session_id is not null;
