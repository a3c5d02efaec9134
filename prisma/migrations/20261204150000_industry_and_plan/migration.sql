-- A brand's industry: a NAICS 2022 sector code (src/domain/industries.ts), or NULL while unknown.
-- Nullable, not defaulted: a guessed industry would plant false data in every industry's patterns.
ALTER TABLE brands ADD COLUMN industry TEXT;
ALTER TABLE brands ADD CONSTRAINT brands_industry_naics_sector CHECK (industry IS NULL OR industry IN (
  '11', '21', '22', '23', '31-33', '42', '44-45', '48-49', '51', '52', '53', '54', '55', '56', '61', '62',
  '71', '72', '81', '92'));
-- The pattern refresh reads approved assets per industry.
CREATE INDEX brands_industry ON brands (industry, id) WHERE industry IS NOT NULL;

-- What an organization pays for: cross-brand (industry) discovery is an enterprise feature.
ALTER TABLE organizations ADD COLUMN plan TEXT NOT NULL DEFAULT 'free';
ALTER TABLE organizations ADD CONSTRAINT organizations_plan_known CHECK (plan IN ('free', 'team', 'enterprise'));
