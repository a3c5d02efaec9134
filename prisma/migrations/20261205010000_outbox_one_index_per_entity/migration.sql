-- One index per entity on the outbox, not two: capture writes an outbox row for every entity a
-- statement touches, so each index on sync_events is paid once per row of a bulk write.
-- (entity_type, entity_id, applied_at) serves every lookup by entity: the drainer's claim of an
-- entity's pending events, capture's probe for events its own transaction has recorded (pending
-- until it commits, hence applied_at IS NULL below), and a deleted brand's last organization (a
-- brand's events, bounded by the outbox's retention).
DROP INDEX "sync_events_entity_type_entity_id_id_idx";

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
  IF first_id IS NOT NULL THEN
    PERFORM pg_notify('mobius_sync_recorded', '');
  END IF;
END
$$;
