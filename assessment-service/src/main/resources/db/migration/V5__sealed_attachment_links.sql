-- Attachment links are sealed like the evidence's text (a recording's or a signed document's link opens it).
-- A sealed value is bound to its row's tenant, so the row carries it; links stored before stay plain text until
-- the key rotation job's next pass seals them (the column is registered as sealed later).
alter table evidence_attachment add column tenant_id text;
update evidence_attachment a set tenant_id = e.tenant_id from evidence e where e.id = a.evidence_id;
alter table evidence_attachment alter column tenant_id set not null;
