-- Change data capture: triggers write the outbox, whoever writes (the gateway, psql, a data-fixing
-- migration, another service). See docs/sync.md "Capture by triggers".
--
-- Statement-level AFTER triggers with transition tables record one event per entity per statement,
-- so an INSERT … SELECT of 100,000 rows costs one INSERT … SELECT into the outbox, not 100,000
-- trigger calls. A child row (a palette color, an asset color) records the event of the entity the
-- projector works on (its brand, its asset); an update that changes nothing the graph holds records
-- nothing. Each recording statement also NOTIFYs the drainers (delivered at commit), so a write
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

-- Called by every capture trigger with the first id it recorded (NULL: none).
CREATE FUNCTION capture_recorded(first_id bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF first_id IS NULL THEN
    RETURN;
  END IF;
  IF COALESCE(current_setting('mobius.first_event_id', true), '') = '' THEN
    PERFORM set_config('mobius.first_event_id', first_id::text, true);
  END IF;
  PERFORM pg_notify('mobius_sync_recorded', '');
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

-- organizations: no node of their own; their events tell subscribers and patterns (plan).
CREATE FUNCTION capture_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'organization', n.id, 'upsert', n.id FROM new_rows n ORDER BY n.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'organization', COALESCE(n.id, o.id), CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END, COALESCE(n.id, o.id)
        FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
       WHERE (n.id, n.name, n.plan) IS DISTINCT FROM (o.id, o.name, o.plan)
       ORDER BY 2
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'organization', o.id, 'delete', o.id FROM old_rows o ORDER BY o.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- brands: every column but industry's name is on the node, updated_at included.
CREATE FUNCTION capture_brands() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
  moved_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'brand', n.id, 'upsert', n.organization_id FROM new_rows n ORDER BY n.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'brand', COALESCE(n.id, o.id), CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END,
             COALESCE(n.organization_id, o.organization_id)
        FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
       WHERE (n.id, n.organization_id, n.name, n.industry, n.learning_active, n.feedback_count, n.created_at, n.updated_at)
             IS DISTINCT FROM (o.id, o.organization_id, o.name, o.industry, o.learning_active, o.feedback_count, o.created_at, o.updated_at)
       ORDER BY 2
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
    -- A brand moved to another organization takes its assets and templates along: their nodes
    -- carry the organization, and the new one's subscribers are told.
    WITH moved AS (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.organization_id <> o.organization_id
    ), recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT kind, child.id, 'upsert', b.organization_id FROM (
        SELECT 'asset' AS kind, a.id, a.brand_id FROM assets a JOIN moved ON moved.id = a.brand_id
        UNION ALL SELECT 'template', t.id, t.brand_id FROM templates t JOIN moved ON moved.id = t.brand_id
      ) child JOIN brands b ON b.id = child.brand_id
      ORDER BY 1, 2
      RETURNING id)
    SELECT min(id) INTO moved_id FROM recorded;
    first_id := LEAST(first_id, moved_id);
  END IF;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- Per row, before the cascade (see the top of this file).
CREATE FUNCTION capture_brand_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN OLD;
  END IF;
  INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
  VALUES ('brand', OLD.id, 'delete', OLD.organization_id)
  RETURNING id INTO first_id;
  PERFORM capture_recorded(first_id);
  RETURN OLD;
END
$$;

-- brand_colors: the brand's palette, projected with the brand. A brand gone with its colors has
-- its own delete event, so colors whose brand no longer exists record nothing.
CREATE FUNCTION capture_brand_colors() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  -- Each branch names only the transition table its trigger has.
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'brand', b.id, 'upsert', b.organization_id FROM brands b WHERE b.id IN (SELECT brand_id FROM new_rows) ORDER BY b.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'brand', b.id, 'upsert', b.organization_id FROM brands b WHERE b.id IN (SELECT brand_id FROM old_rows) ORDER BY b.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- Updates compare whole rows as sets: a changed key (brand_id, hex) shows on both sides.
CREATE FUNCTION capture_brand_color_updates() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  WITH changed AS (
    (SELECT brand_id, hex, name, usage, usage_weight, context FROM new_rows
     EXCEPT SELECT brand_id, hex, name, usage, usage_weight, context FROM old_rows)
    UNION
    (SELECT brand_id, hex, name, usage, usage_weight, context FROM old_rows
     EXCEPT SELECT brand_id, hex, name, usage, usage_weight, context FROM new_rows)
  ), recorded AS (
    INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
    SELECT 'brand', b.id, 'upsert', b.organization_id FROM brands b WHERE b.id IN (SELECT brand_id FROM changed) ORDER BY b.id
    RETURNING id)
  SELECT min(id) INTO first_id FROM recorded;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- assets: the node holds everything but image_sha256 and updated_at.
CREATE FUNCTION capture_assets() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'asset', n.id, 'upsert', b.organization_id FROM new_rows n JOIN brands b ON b.id = n.brand_id ORDER BY n.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'asset', COALESCE(n.id, o.id), CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END,
             capture_organization_of_brand(COALESCE(n.brand_id, o.brand_id))
        FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
       WHERE (n.id, n.brand_id, n.prompt, n.image_url, n.compliance_score, n.status, n.created_at)
             IS DISTINCT FROM (o.id, o.brand_id, o.prompt, o.image_url, o.compliance_score, o.status, o.created_at)
       ORDER BY 2
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'asset', o.id, 'delete', capture_organization_of_brand(o.brand_id) FROM old_rows o ORDER BY o.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- asset_colors: projected with their asset; an asset gone with them has its own delete event.
CREATE FUNCTION capture_asset_colors() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'asset', a.id, 'upsert', b.organization_id
        FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.id IN (SELECT asset_id FROM new_rows) ORDER BY a.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'asset', a.id, 'upsert', b.organization_id
        FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.id IN (SELECT asset_id FROM old_rows) ORDER BY a.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

CREATE FUNCTION capture_asset_color_updates() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  WITH changed AS (
    (SELECT asset_id, hex, coverage, source, on_palette FROM new_rows
     EXCEPT SELECT asset_id, hex, coverage, source, on_palette FROM old_rows)
    UNION
    (SELECT asset_id, hex, coverage, source, on_palette FROM old_rows
     EXCEPT SELECT asset_id, hex, coverage, source, on_palette FROM new_rows)
  ), recorded AS (
    INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
    SELECT 'asset', a.id, 'upsert', b.organization_id
      FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.id IN (SELECT asset_id FROM changed) ORDER BY a.id
    RETURNING id)
  SELECT min(id) INTO first_id FROM recorded;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- feedback: a RECEIVED_FEEDBACK edge; brand_id only says whose it is. The brand's feedback_count
-- is the brand's own column, captured by the brands trigger when it moves.
CREATE FUNCTION capture_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'feedback', n.id, 'upsert', b.organization_id FROM new_rows n JOIN brands b ON b.id = n.brand_id ORDER BY n.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'feedback', COALESCE(n.id, o.id), CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END,
             capture_organization_of_brand(COALESCE(n.brand_id, o.brand_id))
        FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
       WHERE (n.id, n.asset_id, n.brand_id, n.action, n.reason, n.created_at)
             IS DISTINCT FROM (o.id, o.asset_id, o.brand_id, o.action, o.reason, o.created_at)
       ORDER BY 2
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'feedback', o.id, 'delete', capture_organization_of_brand(o.brand_id) FROM old_rows o ORDER BY o.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  PERFORM capture_recorded(first_id);
  RETURN NULL;
END
$$;

-- templates: the node holds everything but updated_at.
CREATE FUNCTION capture_templates() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
BEGIN
  IF capture_paused() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'template', n.id, 'upsert', b.organization_id FROM new_rows n JOIN brands b ON b.id = n.brand_id ORDER BY n.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'template', COALESCE(n.id, o.id), CASE WHEN n.id IS NULL THEN 'delete' ELSE 'upsert' END,
             capture_organization_of_brand(COALESCE(n.brand_id, o.brand_id))
        FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
       WHERE (n.id, n.brand_id, n.name, n.description, n.created_at, n.source_asset_id)
             IS DISTINCT FROM (o.id, o.brand_id, o.name, o.description, o.created_at, o.source_asset_id)
       ORDER BY 2
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  ELSE
    WITH recorded AS (
      INSERT INTO sync_events (entity_type, entity_id, operation, organization_id)
      SELECT 'template', o.id, 'delete', capture_organization_of_brand(o.brand_id) FROM old_rows o ORDER BY o.id
      RETURNING id)
    SELECT min(id) INTO first_id FROM recorded;
  END IF;
  PERFORM capture_recorded(first_id);
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
CREATE TRIGGER capture_brand_colors_updates AFTER UPDATE ON brand_colors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brand_color_updates();
CREATE TRIGGER capture_brand_colors_deletes AFTER DELETE ON brand_colors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_brand_colors();

CREATE TRIGGER capture_assets_inserts AFTER INSERT ON assets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_assets();
CREATE TRIGGER capture_assets_updates AFTER UPDATE ON assets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_assets();
CREATE TRIGGER capture_assets_deletes AFTER DELETE ON assets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_assets();

CREATE TRIGGER capture_asset_colors_inserts AFTER INSERT ON asset_colors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_asset_colors();
CREATE TRIGGER capture_asset_colors_updates AFTER UPDATE ON asset_colors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_asset_color_updates();
CREATE TRIGGER capture_asset_colors_deletes AFTER DELETE ON asset_colors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_asset_colors();

CREATE TRIGGER capture_feedback_inserts AFTER INSERT ON feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_feedback();
CREATE TRIGGER capture_feedback_updates AFTER UPDATE ON feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_feedback();
CREATE TRIGGER capture_feedback_deletes AFTER DELETE ON feedback REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_feedback();

CREATE TRIGGER capture_templates_inserts AFTER INSERT ON templates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_templates();
CREATE TRIGGER capture_templates_updates AFTER UPDATE ON templates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_templates();
CREATE TRIGGER capture_templates_deletes AFTER DELETE ON templates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_templates();
