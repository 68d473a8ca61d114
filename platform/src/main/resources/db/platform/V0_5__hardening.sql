-- A dead-letter mark keeps the digest of the record it stands for: a replay applies only that record,
-- not one someone else wrote to the shared <topic>.dlq under the same ce_id.
alter table inbox_event add column record_digest text;

-- Idempotency records made before their bodies and request hashes were sealed: replay caches of a
-- day at most, dropped rather than kept in plaintext.
delete from idempotency_record where request_hash not like 'v2:%';

-- Turning four eyes off needs a second admin too: the first one's request waits here.
alter table export_setting add column off_requested_by text;
