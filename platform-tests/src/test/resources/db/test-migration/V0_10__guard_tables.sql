-- What the state-replacing test handler holds per key, and what the recording handler saw.
create table register_entry (
    tenant_id  text not null,
    entry_key  text not null,
    value      text not null,
    primary key (tenant_id, entry_key)
);
alter table applied_effect add column payload text;
