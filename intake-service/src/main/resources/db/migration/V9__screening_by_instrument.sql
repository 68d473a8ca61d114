-- Each screening's trajectory (TrajectoryChanges) reads the baseline and the latest earlier score of one
-- instrument on one intake: with this index, the two ends of one index range, however many screenings the
-- intake holds. Led by the intake (a UUID, unique across tenants) because the query's min/max subqueries
-- name the intake and not the tenant; with screening_by_intake alone, every submission read all of the
-- intake's screenings twice (7.1 ms -> 0.2 ms at 177 screenings, bench/FINDINGS.md 2026-12-01).
create index screening_by_instrument on screening (intake_id, instrument_code, scored_at);
