-- Whether the engagement's pause is the therapy's (its current referral paused it, or took over a pause it
-- found): only such a pause ends with the referral; one a person made while coaching ran beside the therapy
-- outlasts it. Until now every paused engagement with a current referral resumed at its end, except integrated
-- work, which the therapy never pauses: those are taken as the therapy's.
alter table engagement add column paused_by_referral boolean not null default false;
update engagement set paused_by_referral = true
 where status = 'paused' and current_referral is not null and pathway <> 'integrated';
