-- Issue 22: a coach (or their supervisor, or a supervisor granting the client's request) hands an engagement
-- to another coach, who accepts or declines. The accepted handovers are the engagement's practitioner history.
-- A contract version proposed by a handover names it: until that version is in force no session is held.
create table handover (
    id                uuid        primary key,
    tenant_id         text        not null,
    engagement_id     uuid        not null references engagement (id),
    from_practitioner text        not null,
    to_practitioner   text        not null,
    reason            text        not null,   -- fit | scope | withdrawal | client-request
    note              text,                   -- encrypted
    status            text        not null,   -- offered | accepted | declined
    offered_by        text        not null,
    offered_at        timestamptz not null,
    answered_at       timestamptz,
    client_request_id uuid        references client_request (id),
    version           bigint      not null default 0
);
-- One offer at a time per engagement.
create unique index handover_one_offered on handover (tenant_id, engagement_id) where status = 'offered';
create index handover_by_engagement on handover (tenant_id, engagement_id, offered_at);
create index handover_by_incoming on handover (tenant_id, to_practitioner, status);

alter table contract add column handover_id uuid references handover (id);
