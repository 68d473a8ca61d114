-- An erased client's feedback answers keep their numbers under no session and no engagement (SubjectRecords):
-- deleted, they would change a month's trend by exactly that client's answers.
alter table session_feedback alter column session_id drop not null;
alter table session_feedback alter column engagement_id drop not null;
