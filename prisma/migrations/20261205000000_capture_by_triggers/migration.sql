-- Change data capture: triggers write the outbox, whoever writes (the gateway, psql, a data-fixing
-- migration, another service). See docs/sync.md, "The outbox, written by capture triggers".
--
-- Statement-level AFTER triggers with transition tables record one event per entity per statement,
-- so an INSERT … SELECT of 100,000 rows costs one INSERT … SELECT into the outbox, not 100,000
-- trigger calls; and one per entity and operation per transaction, since the projector reads the
-- entity's state after the commit anyway (a brand created with its palette is one event, not two).
-- A child row (a palette color, an asset color) records the event of the entity the projector
-- works on (its brand, its asset); an update that changes nothing the graph holds records nothing. Each recording statement also NOTIFYs the drainers (delivered at commit), so a write
-- from any client is projected at once, not at the next poll.
--
-- Brands alone are captured per row on delete, BEFORE the row goes: a brand's delete cascades to
-- its assets, feedback and templates, whose triggers run before any AFTER trigger on brands, and
-- then find neither the brand nor its organization. Recorded first, the brand's delete event is
-- where they read the organization from (capture_organization_of_brand).
--
-- Capture pauses for one session with SET mobius.capture = off (a deliberate bulk load, followed by
-- a scoped backfill); the gateway checks at /ready that every trigger exists and is enabled.

-- The writing transaction, so the gateway reads back the events its own mutation recorded
-- (readRecordedEvents.ts); no index: it is read from the transaction's first event id on.
ALTER TABLE sync_events ADD COLUMN transaction_id bigint;
ALTER TABLE sync_events ALTER COLUMN transaction_id SET DEFAULT txid_current();

-- Records the events of one statement: entities of one kind, each with its operation and its
-- organization (three arrays aggregated in one pass, so aligned; in no particular order, as each
-- entity appears once per statement and only the order of one entity's events matters). Skips
-- those this transaction has recorded already, one index probe per entity (entity_type, entity_id,
-- from the transaction's first event on); a transaction's first recording statement (a bulk load's
-- only one) has nothing to look up. Keeps that first id for readRecordedEvents.ts, and NOTIFYs.
--
-- The probe is a LATERAL … LIMIT 1, which the planner cannot turn into an anti-join, and
-- enable_seqscan is off: planned generically (an array parameter counts as ten rows, the outbox as
-- small), NOT EXISTS became a scan of every event of the kind, or of the whole outbox, per
-- statement, and deleting 1,000 brands took seconds.
CREATE FUNCTION capture_record(kind text, ids text[], operations text[], organizations text[]) RETURNS void
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
                WHERE s.entity_type = kind AND s.entity_id = e.id AND s.id >= since
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

CREATE FUNCTION capture_paused() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT COALESCE(current_setting('mobius.capture', true), '') = 'off'
$$;

-- A brand's organization, also while its delete cascades (the brand row gone, its delete event not).
CREATE FUNCTION capture_organization_of_brand(brand text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT organization_id FROM brands WHERE id = brand),
    (SELECT organization_id FROM sync_events WHERE entity_type = 'brand' AND entity_id = brand ORDER BY id DESC LIMIT 1))
$$;

-- Each trigger function below branches on TG_OP, every branch naming only the transition tables
-- its trigger has. An update compares old and new rows by id on the columns the graph holds
-- (IS DISTINCT FROM: nulls compare equal); a changed id reads as a delete and an insert.

-- organizations: no node of their own; their events tell subscribers and patterns (the plan).
CREATE FUNCTION capture_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('organization', array_agg(id), array_agg('upsert'::text), array_agg(id))
       FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM capture_record('organization', array_agg(id), array_agg(operation), array_agg(id))
       FROM (SELECT COALESCE(n.id, o.id) AS id, CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END AS operation
               FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
              WHERE (n.id, n.name, n.plan) IS DISTINCT FROM (o.id, o.name, o.plan)) changed;
  ELSE
    PERFORM capture_record('organization', array_agg(id), array_agg('delete'::text), array_agg(id))
       FROM old_rows;
  END IF;
  RETURN NULL;
END
$$;

-- brands: every column is on the node, updated_at included. Deletes: capture_brand_delete.
CREATE FUNCTION capture_brands() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_ids text[];
  changed_operations text[];
  changed_organizations text[];
  moved_ids text[];
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('brand', array_agg(id), array_agg('upsert'::text), array_agg(organization_id))
       FROM new_rows;
    RETURN NULL;
  END IF;
  SELECT array_agg(id), array_agg(operation), array_agg(organization_id), array_agg(id) FILTER (WHERE moved)
    INTO changed_ids, changed_operations, changed_organizations, moved_ids
    FROM (SELECT COALESCE(n.id, o.id) AS id, CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END AS operation,
                 COALESCE(n.organization_id, o.organization_id) AS organization_id,
                 n.organization_id <> o.organization_id AS moved
            FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
           WHERE (n.id, n.organization_id, n.name, n.industry, n.learning_active, n.feedback_count, n.created_at, n.updated_at)
                 IS DISTINCT FROM (o.id, o.organization_id, o.name, o.industry, o.learning_active, o.feedback_count, o.created_at, o.updated_at)
         ) changed;
  PERFORM capture_record('brand', changed_ids, changed_operations, changed_organizations);
  -- A brand moved to another organization takes its assets and templates along: their nodes carry
  -- the organization, and the new one's subscribers are told.
  IF moved_ids IS NOT NULL THEN
    PERFORM capture_record('asset', array_agg(a.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.brand_id = ANY(moved_ids);
    PERFORM capture_record('template', array_agg(t.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM templates t JOIN brands b ON b.id = t.brand_id WHERE t.brand_id = ANY(moved_ids);
  END IF;
  RETURN NULL;
END
$$;

-- Per row, before the cascade (see the top of this file).
CREATE FUNCTION capture_brand_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT capture_paused() THEN
    PERFORM capture_record('brand', ARRAY[OLD.id], ARRAY['delete'], ARRAY[OLD.organization_id]);
  END IF;
  RETURN OLD;
END
$$;

-- brand_colors: the brand's palette, projected with the brand. A brand gone with its colors has its
-- own delete event, so colors whose brand no longer exists record nothing. Updates compare whole
-- rows as sets, so a changed key (brand_id, hex) shows on both sides.
CREATE FUNCTION capture_brand_colors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('brand', array_agg(b.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM brands b WHERE b.id IN (SELECT brand_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM capture_record('brand', array_agg(b.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM brands b
      WHERE b.id IN (
              (SELECT brand_id FROM (SELECT brand_id, hex, name, usage, usage_weight, context FROM new_rows
                                     EXCEPT SELECT brand_id, hex, name, usage, usage_weight, context FROM old_rows) added)
              UNION
              (SELECT brand_id FROM (SELECT brand_id, hex, name, usage, usage_weight, context FROM old_rows
                                     EXCEPT SELECT brand_id, hex, name, usage, usage_weight, context FROM new_rows) removed));
  ELSE
    PERFORM capture_record('brand', array_agg(b.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM brands b WHERE b.id IN (SELECT brand_id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

-- assets: the node holds every column but image_sha256 and updated_at.
CREATE FUNCTION capture_assets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('asset', array_agg(n.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM new_rows n JOIN brands b ON b.id = n.brand_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM capture_record('asset', array_agg(id), array_agg(operation), array_agg(capture_organization_of_brand(brand_id)))
       FROM (SELECT COALESCE(n.id, o.id) AS id, CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END AS operation,
                    COALESCE(n.brand_id, o.brand_id) AS brand_id
               FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
              WHERE (n.id, n.brand_id, n.prompt, n.image_url, n.compliance_score, n.status, n.created_at)
                    IS DISTINCT FROM (o.id, o.brand_id, o.prompt, o.image_url, o.compliance_score, o.status, o.created_at)) changed;
  ELSE
    PERFORM capture_record('asset', array_agg(id), array_agg('delete'::text), array_agg(capture_organization_of_brand(brand_id)))
       FROM old_rows;
  END IF;
  RETURN NULL;
END
$$;

-- asset_colors: projected with their asset; an asset gone with them has its own delete event.
CREATE FUNCTION capture_asset_colors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('asset', array_agg(a.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.id IN (SELECT asset_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM capture_record('asset', array_agg(a.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM assets a JOIN brands b ON b.id = a.brand_id
      WHERE a.id IN (
              (SELECT asset_id FROM (SELECT asset_id, hex, coverage, source, on_palette FROM new_rows
                                     EXCEPT SELECT asset_id, hex, coverage, source, on_palette FROM old_rows) added)
              UNION
              (SELECT asset_id FROM (SELECT asset_id, hex, coverage, source, on_palette FROM old_rows
                                     EXCEPT SELECT asset_id, hex, coverage, source, on_palette FROM new_rows) removed));
  ELSE
    PERFORM capture_record('asset', array_agg(a.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.id IN (SELECT asset_id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

-- feedback: a RECEIVED_FEEDBACK edge; brand_id says whose it is. The brand's feedback_count is the
-- brand's own column, captured by the brands trigger when it moves.
CREATE FUNCTION capture_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('feedback', array_agg(n.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM new_rows n JOIN brands b ON b.id = n.brand_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM capture_record('feedback', array_agg(id), array_agg(operation), array_agg(capture_organization_of_brand(brand_id)))
       FROM (SELECT COALESCE(n.id, o.id) AS id, CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END AS operation,
                    COALESCE(n.brand_id, o.brand_id) AS brand_id
               FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
              WHERE (n.id, n.asset_id, n.brand_id, n.action, n.reason, n.created_at)
                    IS DISTINCT FROM (o.id, o.asset_id, o.brand_id, o.action, o.reason, o.created_at)) changed;
  ELSE
    PERFORM capture_record('feedback', array_agg(id), array_agg('delete'::text), array_agg(capture_organization_of_brand(brand_id)))
       FROM old_rows;
  END IF;
  RETURN NULL;
END
$$;

-- templates: the node holds every column but updated_at.
CREATE FUNCTION capture_templates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM capture_record('template', array_agg(n.id), array_agg('upsert'::text), array_agg(b.organization_id))
       FROM new_rows n JOIN brands b ON b.id = n.brand_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM capture_record('template', array_agg(id), array_agg(operation), array_agg(capture_organization_of_brand(brand_id)))
       FROM (SELECT COALESCE(n.id, o.id) AS id, CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END AS operation,
                    COALESCE(n.brand_id, o.brand_id) AS brand_id
               FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
              WHERE (n.id, n.brand_id, n.name, n.description, n.created_at, n.source_asset_id)
                    IS DISTINCT FROM (o.id, o.brand_id, o.name, o.description, o.created_at, o.source_asset_id)) changed;
  ELSE
    PERFORM capture_record('template', array_agg(id), array_agg('delete'::text), array_agg(capture_organization_of_brand(brand_id)))
       FROM old_rows;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER capture_organizations_inserts AFTER INSERT ON organizations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_organizations();
CREATE TRIGGER capture_organizations_updates AFTER UPDATE ON organizations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_organizations();
CREATE TRIGGER capture_organizations_deletes AFTER DELETE ON organizations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_organizations();

CREATE TRIGGER capture_brands_inserts AFTER INSERT ON brands REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brands();
CREATE TRIGGER capture_brands_updates AFTER UPDATE ON brands REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brands();
CREATE TRIGGER capture_brands_deletes BEFORE DELETE ON brands FOR EACH ROW EXECUTE FUNCTION capture_brand_delete();

CREATE TRIGGER capture_brand_colors_inserts AFTER INSERT ON brand_colors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brand_colors();
CREATE TRIGGER capture_brand_colors_updates AFTER UPDATE ON brand_colors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brand_colors();
CREATE TRIGGER capture_brand_colors_deletes AFTER DELETE ON brand_colors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brand_colors();

CREATE TRIGGER capture_assets_inserts AFTER INSERT ON assets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_assets();
CREATE TRIGGER capture_assets_updates AFTER UPDATE ON assets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_assets();
CREATE TRIGGER capture_assets_deletes AFTER DELETE ON assets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_assets();

CREATE TRIGGER capture_asset_colors_inserts AFTER INSERT ON asset_colors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_asset_colors();
CREATE TRIGGER capture_asset_colors_updates AFTER UPDATE ON asset_colors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_asset_colors();
CREATE TRIGGER capture_asset_colors_deletes AFTER DELETE ON asset_colors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_asset_colors();

CREATE TRIGGER capture_feedback_inserts AFTER INSERT ON feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_feedback();
CREATE TRIGGER capture_feedback_updates AFTER UPDATE ON feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_feedback();
CREATE TRIGGER capture_feedback_deletes AFTER DELETE ON feedback REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_feedback();

CREATE TRIGGER capture_templates_inserts AFTER INSERT ON templates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_templates();
CREATE TRIGGER capture_templates_updates AFTER UPDATE ON templates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_templates();
CREATE TRIGGER capture_templates_deletes AFTER DELETE ON templates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_templates();
