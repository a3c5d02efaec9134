-- The capture functions run without JIT. A statement-level trigger's queries read transition tables,
-- which have no statistics: the planner takes an UPDATE of 50,000 brands' old-and-new comparison for
-- 12.5 million rows, costs it past jit_above_cost, and compiled it for 320 ms of the comparison's 500
-- (auto_explain, 2 cores). Each query runs once over rows it reads once: nothing pays compilation back.
ALTER FUNCTION capture_record(text, text[], text[], text[]) SET jit = off;
ALTER FUNCTION capture_organizations() SET jit = off;
ALTER FUNCTION capture_brands() SET jit = off;
ALTER FUNCTION capture_brand_delete() SET jit = off;
ALTER FUNCTION capture_brand_colors() SET jit = off;
ALTER FUNCTION capture_assets() SET jit = off;
ALTER FUNCTION capture_asset_colors() SET jit = off;
ALTER FUNCTION capture_feedback() SET jit = off;
ALTER FUNCTION capture_templates() SET jit = off;
