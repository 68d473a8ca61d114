-- Envelope encryption (platform crypto): a data key per tenant and key-encryption key (KEK), stored
-- wrapped by the KEK; sealed values name their data key. A KEK is retired once no value uses it.
create table data_key (
    id             text         primary key,          -- named in every value it sealed
    tenant_id      text         not null,
    kek_id         text         not null,
    wrapped        text         not null,             -- base64(iv | AES-GCM(KEK, key))
    created_at     timestamptz  not null default now(),
    unique (tenant_id, kek_id)
);

create table retired_kek (
    kek_id         text         primary key,
    retired_at     timestamptz  not null,
    retired_by     text         not null
);

-- Idempotency records keep the replayed body sealed, bound to the record's own id.
alter table idempotency_record add column id uuid not null default gen_random_uuid();
create unique index idempotency_record_id on idempotency_record (id);
