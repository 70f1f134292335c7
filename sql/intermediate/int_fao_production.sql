-- FAOSTAT production of the clusters' FAO items, ONE source per area, item and year. Two FAOSTAT sources often hold the
-- same figures (a QCL download next to an older QC one, or two downloads of QCL); adding them up would double
-- production. The rule (docs/indicators.md, "One FAOSTAT source per figure"), in order:
--   1. a row with a production figure before one without;
--   2. the current domain QCL before the older QC and QL;
--   3. the source whose series for that area and item reaches the latest year (the newer release);
--   4. the source id, alphabetically.
-- The rule reads every year of a source (3.), so the model is not partitioned by year.
WITH ranked AS (
    SELECT *,
           max(year) OVER (PARTITION BY source_id, area_key, item_code_fao) AS source_last_year,
           count(DISTINCT source_id) OVER (PARTITION BY area_key, item_code_fao, year) AS sources
    FROM staging.stg_fao_production
    WHERE item_code_fao IN (SELECT item_code FROM ref.cluster_fao_items)
)
SELECT source_id, domain, area_key, area_entity, area_iso3, area, area_is_aggregate, item_code_fao, item, year,
       production_t, area_harvested_ha, yield_kg_ha, milk_animals_an, yield_kg_an, stocks_an, production_flag, sources
FROM ranked
QUALIFY row_number() OVER (
    PARTITION BY area_key, item_code_fao, year
    ORDER BY production_t IS NULL, list_position(['QCL', 'QC', 'QL'], domain), source_last_year DESC, source_id, domain) = 1;

COMMENT ON TABLE intermediate.int_fao_production IS 'FAOSTAT production of the clusters'' FAO items, one source per area, item and year (rule: a production figure first, QCL before QC/QL, the source reaching the latest year, then the source id).';
COMMENT ON COLUMN intermediate.int_fao_production.source_id IS 'The source the figures of this area, item and year are taken from.';
COMMENT ON COLUMN intermediate.int_fao_production.domain IS 'FAOSTAT domain of the chosen rows: QCL, or QC / QL in older releases.';
COMMENT ON COLUMN intermediate.int_fao_production.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN intermediate.int_fao_production.area_entity IS 'Entity of ref.countries the area resolved to.';
COMMENT ON COLUMN intermediate.int_fao_production.area_iso3 IS 'ISO3 of the area; NULL for aggregates.';
COMMENT ON COLUMN intermediate.int_fao_production.area IS 'Area name as the chosen source writes it.';
COMMENT ON COLUMN intermediate.int_fao_production.area_is_aggregate IS 'True for World, regions and FAO 351 China: never add these to countries.';
COMMENT ON COLUMN intermediate.int_fao_production.item_code_fao IS 'FAO item code (one of the clusters'' items, ref.cluster_fao_items).';
COMMENT ON COLUMN intermediate.int_fao_production.item IS 'Item name as the chosen source writes it.';
COMMENT ON COLUMN intermediate.int_fao_production.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_fao_production.production_t IS 'Production (element 5510), tonnes.';
COMMENT ON COLUMN intermediate.int_fao_production.area_harvested_ha IS 'Area harvested (element 5312), hectares.';
COMMENT ON COLUMN intermediate.int_fao_production.yield_kg_ha IS 'Crop yield, kg/ha.';
COMMENT ON COLUMN intermediate.int_fao_production.milk_animals_an IS 'Milk animals (element 5318), head.';
COMMENT ON COLUMN intermediate.int_fao_production.yield_kg_an IS 'Yield per animal, kg per head.';
COMMENT ON COLUMN intermediate.int_fao_production.stocks_an IS 'Live animals, head.';
COMMENT ON COLUMN intermediate.int_fao_production.production_flag IS 'FAOSTAT flag of the production figure.';
COMMENT ON COLUMN intermediate.int_fao_production.sources IS 'How many sources hold rows for this area, item and year (1 = no choice was made).';
