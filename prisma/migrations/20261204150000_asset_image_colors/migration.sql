-- Colors read from an asset's image (src/pixels): the image's SHA-256, so the same image is not
-- extracted twice, and per color where it came from (declared by the client, or extracted from the
-- pixels) and, for extracted colors, whether it snapped to the brand's palette.
ALTER TABLE assets ADD COLUMN image_sha256 TEXT;
ALTER TABLE asset_colors
  ADD COLUMN source TEXT NOT NULL DEFAULT 'declared' CHECK (source IN ('declared', 'extracted')),
  ADD COLUMN on_palette BOOLEAN;
