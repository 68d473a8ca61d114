-- When each source of events erased a person (its subject.erased confirmation, by the coordinator's
-- request id). An event about an erased person that its source sent after the request was made is the
-- erased past when the source had not yet erased them, and their new activity when it had: until the
-- source's confirmation is read here, such an event waits in parked_event.
create table source_erasure (
    tenant_id      text         not null,
    request_id     text         not null,
    source         text         not null,
    erased_at      timestamptz  not null,
    primary key (tenant_id, request_id, source)
);

-- Why an event is parked: null for a type this version does not know, else what it waits for.
alter table parked_event add column waiting_for text;

-- Erasures recorded before this table existed: their sources' confirmations were read and not kept.
-- Taken as at the later of the request and this service's own erasure (the rule before this table was
-- the request's time alone), for the four services that confirm erasures, so that an event about a
-- person who came back since does not wait for a confirmation that will not be read again.
insert into source_erasure (tenant_id, request_id, source, erased_at)
select e.tenant_id, e.request_id, s.source, greatest(e.requested_at, e.erased_at)
from erased_subject e
cross join (values ('/intake-service'), ('/session-service'), ('/referral-service'), ('/assessment-service')) s(source);
