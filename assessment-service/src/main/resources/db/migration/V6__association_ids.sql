-- An association a CASE document named no id for was stored with "origin>destination" as its id, which can be
-- longer than an id may be (200), so that version could no longer be read (a 500 on every read of the tenant's
-- frameworks). Those ids become a UUID, as an import gives them now; nothing refers to an association by its id.
update framework_version fv
set document = (
    select jsonb_set(
                   fv.document::jsonb,
                   '{CFAssociations}',
                   (select jsonb_agg(
                               case when length(a ->> 'identifier') > 200
                                    then jsonb_set(a, '{identifier}', to_jsonb(md5(a ->> 'identifier')::uuid::text))
                                    else a end
                               order by n)
                    from jsonb_array_elements(fv.document::jsonb -> 'CFAssociations') with ordinality x (a, n)))::text)
where exists (select 1
              from jsonb_array_elements(fv.document::jsonb -> 'CFAssociations') a
              where length(a ->> 'identifier') > 200);
