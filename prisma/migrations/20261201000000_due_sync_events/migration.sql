-- The two outbox reads that ask for pending events among many applied ones: the first step of a
-- drainer claim (due_sync_events, src/sync/claimEvents.ts), due pending events in id order, all of
-- them (only_ids NULL) or only the given ids, row-locked with SKIP LOCKED, and the count of given
-- events not applied yet that read-your-writes waits poll (src/sync/settleEvents.ts).
--
-- Functions only for their SET clause. Every applied event leaves a dead "applied_at IS NULL"
-- entry in the pending index of sync_events until VACUUM. The planner counts only live pending rows and
-- so picks a bitmap scan, which reads every dead entry again on each claim and never marks one:
-- between two autovacuums under load a claim read 108,000 of them (12-47 ms, most of the Postgres CPU
-- for the sync). A plain index scan marks each dead entry it meets, so later claims skip it, and
-- given ids are looked up by primary key. Each body is one statement with no semicolon in it: the
-- migration runner splits scripts at every semicolon, even inside quotes and comments.
CREATE FUNCTION due_sync_events(max_events integer, only_ids bigint[])
  RETURNS SETOF sync_events
  LANGUAGE sql
  SET enable_bitmapscan = off
AS $$
  WITH every_due AS (
    SELECT * FROM sync_events
     WHERE only_ids IS NULL AND applied_at IS NULL AND next_attempt_at <= now()
     ORDER BY id LIMIT max_events
       FOR UPDATE SKIP LOCKED
  ), given_due AS (
    SELECT * FROM sync_events
     WHERE id = ANY(only_ids) AND applied_at IS NULL AND next_attempt_at <= now()
     ORDER BY id LIMIT max_events
       FOR UPDATE SKIP LOCKED
  )
  SELECT * FROM every_due UNION ALL SELECT * FROM given_due
$$;

CREATE FUNCTION count_unapplied_sync_events(ids bigint[])
  RETURNS bigint
  LANGUAGE sql
  STABLE
  SET enable_bitmapscan = off
AS $$
  SELECT count(*) FROM sync_events WHERE id = ANY(ids) AND applied_at IS NULL
$$;
