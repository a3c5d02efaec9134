-- The deletes committed in Postgres that the graph has not applied yet, by entity
-- (src/sync/pendingDeletes.ts): a graph answer naming brands drops these instead of reading every
-- named brand's row after the graph answered. Partial, so its entries are only the rare pending
-- deletes, never the applied history nor the stream of pending upserts a busy sync leaves behind.
CREATE INDEX sync_events_pending_deletes ON sync_events (entity_type, entity_id) WHERE applied_at IS NULL AND operation = 'delete';
