-- Referrals, the client's consent, the serious-risk exception, self-help offers and overdue deadlines.
-- Free text (reason, client's words, justifications, names, contact) is encrypted by the platform FieldCipher.

create table referral (
    id                         uuid        primary key,
    tenant_id                  text        not null,
    client_subject             text        not null,
    client_name                text,                   -- encrypted
    client_contact             text,                   -- encrypted
    practitioner_id            text,                   -- the coach responsible; null for a risk draft nobody is assigned to
    origin                     text        not null,   -- manual, risk-flag, risk-concern
    origin_ref                 text,                   -- the risk flag or concern id a draft was opened for
    risk_level                 text,
    intake_id                  uuid,
    engagement_id              uuid,
    service_id                 uuid        references directory_service (id),
    service_kind               text,
    reason_code                text        not null,
    reason_text                text,                   -- encrypted
    urgency                    text        not null,
    disclose                   varchar[]      not null,   -- what the referrer proposes the recipient may see
    status                     text        not null,
    status_at                  timestamptz not null,
    consent_id                 uuid,
    exception_justification    text,                   -- encrypted
    exception_requested_by     text,
    exception_requested_at     timestamptz,
    exception_approved_by      text,
    exception_approved_at      timestamptz,
    sent_under_exception       boolean     not null default false,
    sent_at                    timestamptz,
    answered_at                timestamptz,
    decline_reason             text,                   -- encrypted
    first_appointment_at       timestamptz,
    completed_at               timestamptz,
    created_by                 text        not null,
    created_at                 timestamptz not null,
    version                    bigint      not null,
    unique (tenant_id, origin, origin_ref)   -- one draft per risk flag or concern, however often its event arrives
);
create index referral_page on referral (tenant_id, created_at desc, id desc);
create index referral_by_client on referral (tenant_id, client_subject);
create index referral_by_practitioner on referral (tenant_id, practitioner_id);
create index referral_awaiting_answer on referral (tenant_id, urgency, sent_at) where status = 'sent';

create table referral_step (
    id          uuid        primary key,
    tenant_id   text        not null,
    referral_id uuid        not null references referral (id),
    status      text        not null,
    action      text        not null,
    actor       text        not null,
    at          timestamptz not null,
    reason      text                    -- encrypted
);
create index referral_step_by_referral on referral_step (referral_id, at);

create table referral_consent (
    id          uuid        primary key,
    tenant_id   text        not null,
    referral_id uuid        not null references referral (id),
    asked_by    text        not null,
    asked_at    timestamptz not null,
    proposed    varchar[]      not null,   -- what the client was asked to let the recipient see
    decision    text        not null,   -- pending, agreed, refused, withdrawn
    shares      varchar[]      not null,   -- what the client agreed to share
    client_words text,                  -- encrypted
    decided_at  timestamptz,
    withdrawn_at timestamptz
);
create index referral_consent_by_referral on referral_consent (referral_id, asked_at);

create table self_help_offer (
    id             uuid        primary key,
    tenant_id      text        not null,
    client_subject text        not null,
    service_id     uuid        not null references directory_service (id),
    referral_id    uuid        references referral (id),
    note           text,                -- encrypted
    offered_by     text        not null,
    offered_at     timestamptz not null
);
create index self_help_offer_page on self_help_offer (tenant_id, offered_at desc, id desc);
create index self_help_offer_by_client on self_help_offer (tenant_id, client_subject);

create table referral_deadlines (
    tenant_id         text        primary key,
    emergency_seconds bigint      not null,
    urgent_seconds    bigint      not null,
    soon_seconds      bigint      not null,
    routine_seconds   bigint      not null,
    updated_by        text        not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
