-- Who a referral went to, as the directory named them when it was sent: its FHIR view keeps naming them
-- after the directory entry is renamed or moved to another organisation (the client agreed to that recipient).
-- Referrals sent before this column existed have none; their view names the directory entry as it is now.
alter table referral add column sent_to text;
