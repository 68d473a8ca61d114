-- Issue 22: a held session's structure: the goals reviewed with the client's rating then (each rating also
-- joins the goal's progress history), and the priorities agreed for the next period.
alter table coaching_session add column goals_reviewed  jsonb;  -- [{goalId, rating}]
alter table coaching_session add column next_priorities text;   -- encrypted
