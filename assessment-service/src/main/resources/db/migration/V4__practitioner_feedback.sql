-- Issue 22: a practitioner's client feedback as evidence, aggregated from session-service's
-- practitioner.feedback-aggregated (five answers at a time): per practitioner the answers counted, the sum of
-- each item's answers (a batch's mean times its answers, so the overall means weigh every answer alike) and
-- the first and last answer date. Never a client, an engagement or a session. Each batch is remembered by its
-- id alone, so a batch replayed under a new event id is not counted twice.
create table practitioner_feedback (
    tenant_id               text          not null,
    practitioner_id         text          not null,
    batches                 integer       not null,
    responses               integer       not null,
    felt_heard              numeric(12,1) not null,
    worked_on_what_mattered numeric(12,1) not null,
    approach_fitted         numeric(12,1) not null,
    overall                 numeric(12,1) not null,
    first_answer_on         date          not null,
    last_answer_on          date          not null,
    updated_at              timestamptz   not null,
    primary key (tenant_id, practitioner_id)
);

create table practitioner_feedback_counted (
    tenant_id text not null,
    batch_id  uuid not null,
    primary key (tenant_id, batch_id)
);
