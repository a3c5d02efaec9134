-- CreateIndex
CREATE INDEX "sync_events_entity_type_entity_id_applied_at_idx" ON "sync_events"("entity_type", "entity_id", "applied_at");

