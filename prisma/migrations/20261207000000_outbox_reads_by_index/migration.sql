-- The outbox statements of every write and every drainer pass are prepared once per connection
-- (src/postgres/rawSql.ts), and a statement without parameters keeps the plan of its first run. A
-- connection that first ran them while sync_events was small kept a sequential scan, and then read
-- the whole outbox on every write and every claim as it grew, until an ANALYZE replanned them: in
-- the benchmarks 8 to 13 ms and about 1,000 pages per write (docs/sync.md). Inside a function with
-- sequential scans off each call is planned afresh and reads its rows through an index, however
-- large the outbox and whatever its statistics say. Each body is one statement with no semicolon
-- in it: the migration runner splits scripts at every semicolon.
CREATE FUNCTION recorded_sync_event_ids()
  RETURNS SETOF bigint
  LANGUAGE sql
  STABLE
  SET enable_seqscan = off
AS $$
  SELECT id FROM sync_events
   WHERE id >= NULLIF(current_setting('mobius.first_event_id', true), '')::bigint
     AND transaction_id = txid_current_if_assigned()
   ORDER BY id
$$;
