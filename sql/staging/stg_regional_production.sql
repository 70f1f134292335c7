-- Production by region from users' tables (table sources filling lake/normalized/regional_production).
-- config: materialized=view
SELECT
    source AS source_id, country_iso3, region, product, fao_item_code, hs_code, year, quantity, quantity_unit, quantity_t, area,
    area_unit, area_ha, series_group, file, line, extract_id
FROM lake.regional_production;

COMMENT ON VIEW staging.stg_regional_production IS 'Production (and area) of a product by region of a country and year, as users'' tables give them (source kind table).';
COMMENT ON COLUMN staging.stg_regional_production.source_id IS 'Source id (a table source).';
COMMENT ON COLUMN staging.stg_regional_production.country_iso3 IS 'ISO3 of the country.';
COMMENT ON COLUMN staging.stg_regional_production.region IS 'The region as the table names it.';
COMMENT ON COLUMN staging.stg_regional_production.product IS 'The product as named; NULL when not given.';
COMMENT ON COLUMN staging.stg_regional_production.fao_item_code IS 'FAO item code of the product (declared, or found by name in ref.fao_items).';
COMMENT ON COLUMN staging.stg_regional_production.hs_code IS 'HS6 code of the product, when given.';
COMMENT ON COLUMN staging.stg_regional_production.year IS 'Calendar year.';
COMMENT ON COLUMN staging.stg_regional_production.quantity IS 'Production as given, in quantity_unit.';
COMMENT ON COLUMN staging.stg_regional_production.quantity_unit IS 'Unit of quantity as declared (t, kg, 60 kg bags, ...).';
COMMENT ON COLUMN staging.stg_regional_production.quantity_t IS 'Production in tonnes; NULL for a unit without a factor.';
COMMENT ON COLUMN staging.stg_regional_production.area IS 'Area (harvested or planted) as given; NULL when the table has none.';
COMMENT ON COLUMN staging.stg_regional_production.area_unit IS 'Unit of area as declared (ha, km2, acres).';
COMMENT ON COLUMN staging.stg_regional_production.area_ha IS 'Area in hectares; NULL for a unit without a factor.';
COMMENT ON COLUMN staging.stg_regional_production.series_group IS 'The group row above the row in the table, when it has group rows.';
COMMENT ON COLUMN staging.stg_regional_production.file IS 'The file the row was read from.';
COMMENT ON COLUMN staging.stg_regional_production.line IS 'Its row number in the sheet or CSV.';
COMMENT ON COLUMN staging.stg_regional_production.extract_id IS 'Extract id (first 16 hex of the file''s SHA-256).';
