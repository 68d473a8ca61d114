-- A manual referral's typed-in intake id is no longer taken on trust (AfterTherapy.intakeOf). Completed
-- referrals recorded before: one made from an engagement goes on from that engagement's own intake (the same
-- client's); one made from no engagement from none, since what made it was not recorded (referral-service's
-- own drafts included: a link lost rather than another client's scores shown).
update completed_therapy_referral c
   set intake_id = (select e.source_intake_id from engagement e
                     where e.tenant_id = c.tenant_id and e.id = c.engagement_id
                       and e.client_subject = c.client_subject)
 where c.engagement_id is not null;
update completed_therapy_referral set intake_id = null where engagement_id is null;
update engagement e
   set source_intake_id = (select c.intake_id from completed_therapy_referral c
                            where c.tenant_id = e.tenant_id and c.referral_id = e.after_therapy_referral)
 where e.after_therapy_referral is not null;

-- A granted change of coach offered its handover with the supervisor's decision note, which is written to the
-- client; the coach being left read it as the handover note (ClientRequests.carryOut).
update handover set note = null where reason = 'client-request';
