-- A session that set mobius.notify = off records its events without NOTIFYing the drainers: the
-- gateway's own pool, whose process wakes its drainer with the ids of every event its mutations
-- record (createDeps.ts). Commits that NOTIFY queue one after another on the notification queue's
-- lock, and every NOTIFY makes each listening drainer run a pass that the direct wake-up already
-- covered. Every other client (psql, a migration, another service, a gateway without a drainer) keeps NOTIFYing.
CREATE OR REPLACE FUNCTION capture_record(kind text, ids text[], operations text[], organizations text[]) RETURNS void
  LANGUAGE plpgsql
  SET enable_seqscan = off
AS $$
DECLARE
  since bigint := NULLIF(current_setting('mobius.first_event_id', true), '')::bigint;
  first_id bigint;
BEGIN
  IF since IS NULL THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT kind, e.id, e.operation, e.organization_id FROM unnest(ids, operations, organizations) AS e(id, operation, organization_id)
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
    IF first_id IS NOT NULL THEN
      PERFORM set_config('mobius.first_event_id', first_id::text, true);
    END IF;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT kind, e.id, e.operation, e.organization_id
        FROM unnest(ids, operations, organizations) AS e(id, operation, organization_id)
        LEFT JOIN LATERAL (
               SELECT true AS seen FROM sync_events s
                WHERE s.entity_type = kind AND s.entity_id = e.id AND s.applied_at IS NULL AND s.id >= since
                  AND s.operation = e.operation AND s.transaction_id = txid_current()
                LIMIT 1) earlier ON true
       WHERE earlier.seen IS NULL
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  IF first_id IS NOT NULL AND COALESCE(current_setting('mobius.notify', true), '') <> 'off' THEN
    PERFORM pg_notify('mobius_sync_recorded', '');
  END IF;
END
$$;
