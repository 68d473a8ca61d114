-- When the client was first asked for consent: a client sees a referral once asked or sent, so a draft
-- cancelled before anyone asked them stays the practitioners' (its reason text about them included).
alter table referral add column client_asked_at timestamptz;
update referral r set client_asked_at = (select min(c.asked_at) from referral_consent c where c.referral_id = r.id);
