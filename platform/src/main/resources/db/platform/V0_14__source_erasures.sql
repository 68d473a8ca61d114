-- When each source of events erased a person (its subject.erased confirmation, by the coordinator's
-- request id). An event about an erased person that its source sent after the request was made is the
-- erased past when the source had not yet erased them, and their new activity when it had: until the
-- source's confirmation is read here, such an event waits in parked_event.
create table source_erasure (
    tenant_id      text         not null,
    request_id     text         not null,
    source         text         not null,
    erased_at      timestamptz  not null,
    -- Estimated by this migration, not read from the source: its confirmation, when read, replaces it.
    backfilled     boolean      not null default false,
    primary key (tenant_id, request_id, source)
);

-- Erasures recorded before this table existed: their sources' confirmations were read and not kept.
-- Taken as at the later of the request and this service's own erasure (the rule before this table was
-- the request's time alone), for the four services that confirm erasures, so that an event about a
-- person who came back since does not wait for a confirmation that will not be read again.
insert into source_erasure (tenant_id, request_id, source, erased_at, backfilled)
select e.tenant_id, e.request_id, s.source, greatest(e.requested_at, e.erased_at), true
from erased_subject e
cross join (values ('/intake-service'), ('/session-service'), ('/referral-service'), ('/assessment-service')) s(source);

-- Why an event is parked: null for a type this version does not know, else what it waits for; and for
-- which handler ('' for every handler of its type): one event may wait for two handlers at once, and
-- when offered again it reaches only those it waited for.
alter table parked_event add column waiting_for text;
alter table parked_event add column handler text not null default '';
alter table parked_event drop constraint parked_event_pkey;
alter table parked_event add primary key (topic, kafka_partition, kafka_offset, handler);
