-- Issue 16: an intake a client opens waits for a supervisor to assign a coach (or, where the tenant
-- allows it, for a coach to claim it); who assigned it and when is kept on the intake.
alter table intake add column assigned_by text;
alter table intake add column assigned_at timestamptz;
alter table triage_policy add column coaches_may_claim boolean not null default false;
