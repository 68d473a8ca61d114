-- The dead-letter gauge (EventMetrics) and the replay list read only these rows; the inbox holds
-- every applied event besides.
create index inbox_event_dead_lettered on inbox_event (consumer, received_at) where outcome = 'dead-lettered';
-- The prune of applied inbox rows and of idempotency records goes by age.
create index inbox_event_applied_age on inbox_event (received_at) where outcome = 'applied';
create index idempotency_record_age on idempotency_record (created_at);
