-- A tenant's own words for clients (scores, flags, pathways), over the built-in English texts;
-- without a row only the built-in texts apply.
create table client_wording (
    tenant_id  text        primary key,
    texts      text        not null,   -- the tenant's texts as JSON: [{key, locale, text}]
    updated_by text        not null,
    updated_at timestamptz not null,
    version    bigint      not null
);
