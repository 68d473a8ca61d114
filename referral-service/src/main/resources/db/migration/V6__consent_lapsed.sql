-- A consent that stopped standing by no act of the client's (what they were asked about changed, the referral
-- was cancelled, they were erased) reads "lapsed", not "withdrawn", which the client reads as their own act.
-- Earlier such rows were written "withdrawn" without a withdrawal time; a client's withdrawal always has one.
alter table referral_consent add column lapsed_at timestamptz;
update referral_consent set decision = 'lapsed' where decision = 'withdrawn' and withdrawn_at is null;
