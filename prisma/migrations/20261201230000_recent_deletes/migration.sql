-- The deletes a graph answer may still show (src/sync/pendingDeletes.ts): the unapplied ones and the
-- ones applied in the last seconds, so the index covers applied deletes too, ordered by applied_at
-- (NULL, unapplied, last). Partial, so the stream of upserts a busy sync records stays out of it.
DROP INDEX sync_events_pending_deletes;
CREATE INDEX sync_events_deletes ON sync_events (entity_type, applied_at) INCLUDE (entity_id) WHERE operation = 'delete';
