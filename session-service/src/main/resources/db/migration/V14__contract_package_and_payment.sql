-- Issue 22: a contract version may renew or extend the session package when it comes into force, and
-- states what a session costs and what a late cancellation costs (amounts in the currency's minor unit).
alter table contract add column package_change            text;     -- renew | extend | null (leaves it)
alter table contract add column price_amount_minor        integer;
alter table contract add column price_currency            text;
alter table contract add column late_fee_amount_minor     integer;
alter table contract add column late_fee_currency         text;
alter table contract add column late_cancellation_hours   integer;
