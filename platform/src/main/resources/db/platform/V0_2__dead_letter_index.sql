-- The dead-letter gauge (EventMetrics) and the replay list read only these rows; the inbox holds
-- every applied event besides.
create index inbox_event_dead_lettered on inbox_event (consumer, received_at) where outcome = 'dead-lettered';
