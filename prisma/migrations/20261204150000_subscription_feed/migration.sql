-- The outbox as the log of the subscriptions (src/subscriptions/). organization_id: whose change an event is,
-- recorded with it, so a delete is still routed to its organization after the row is gone (null for
-- events recorded before this migration, which no subscriber receives). applied_seq: the order the
-- drainers committed applied events in: markApplied takes it under one advisory lock held to the
-- commit, so a higher number is never visible before a lower one, and a listener or a resuming
-- subscriber reads "everything after n" without gaps or repeats.
ALTER TABLE sync_events ADD COLUMN organization_id text;
ALTER TABLE sync_events ADD COLUMN applied_seq bigint;
CREATE SEQUENCE sync_events_applied_seq AS bigint;
CREATE UNIQUE INDEX sync_events_applied_seq_key ON sync_events (applied_seq) WHERE applied_seq IS NOT NULL;
CREATE INDEX sync_events_organization_applied_seq ON sync_events (organization_id, applied_seq) WHERE applied_seq IS NOT NULL;
