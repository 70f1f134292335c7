-- FAOSTAT production (QCL and the older QC/QL domains): one row per source, area, item and year, the elements as columns,
-- every value in its standard unit (value_std of lake.fao_observations).
-- config: materialized=view, partition_by=year
SELECT
    * EXCLUDE (element_code, std_unit, value_std, flag, extract_id),   -- the keys: source, area, item, year
    max(value_std) FILTER (element_code = 5510 AND std_unit = 't')                       AS production_t,
    max(value_std) FILTER (element_code = 5312 AND std_unit = 'ha')                      AS area_harvested_ha,
    max(value_std) FILTER (element_code IN (5412, 5419) AND std_unit = 'kg/ha')          AS yield_kg_ha,
    max(value_std) FILTER (element_code = 5318 AND std_unit = 'An')                      AS milk_animals_an,
    max(value_std) FILTER (element_code IN (5417, 5420) AND std_unit = 'kg/An')          AS yield_kg_an,
    max(value_std) FILTER (element_code IN (5111, 5112) AND std_unit = 'An')             AS stocks_an,
    max(flag) FILTER (element_code = 5510)                                               AS production_flag,
    max(extract_id)                                                                      AS extract_id
FROM staging.stg_fao_observations
WHERE domain IN ('QCL', 'QC', 'QL')
GROUP BY ALL;

COMMENT ON VIEW staging.stg_fao_production IS 'FAOSTAT production, area harvested, yield, milk animals and stocks per source, area, item and year (elements as columns, standard units). Aggregates (World, regions, FAO 351 China) are rows too: filter on area_is_aggregate before summing to world totals.';
COMMENT ON COLUMN staging.stg_fao_production.source_id IS 'Source id the rows were normalized from (pipelines/sources/<id>.json).';
COMMENT ON COLUMN staging.stg_fao_production.domain IS 'FAOSTAT domain: QCL (crops and livestock products), or QC / QL in older releases.';
COMMENT ON COLUMN staging.stg_fao_production.area_code_fao IS 'FAO area code as given by the file (NULL when the file only has M49).';
COMMENT ON COLUMN staging.stg_fao_production.area_code_m49 IS 'UN M49 code as given by the file, without its apostrophe (NULL when the file only has the FAO code).';
COMMENT ON COLUMN staging.stg_fao_production.area IS 'Area name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_production.area_entity IS 'Entity of ref.countries the area resolved to (BLX, CHN351 ...).';
COMMENT ON COLUMN staging.stg_fao_production.area_iso3 IS 'ISO3 of the area from ref.countries; NULL for aggregates.';
COMMENT ON COLUMN staging.stg_fao_production.area_is_aggregate IS 'True for World, regions and FAO 351 China (a sum of mainland, Hong Kong, Macao and Taiwan): never add these to countries.';
COMMENT ON COLUMN staging.stg_fao_production.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN staging.stg_fao_production.item_code_fao IS 'FAO item code (882 raw milk of cattle, 571 mangoes, 572 avocados, 656 coffee green ...); from ref.fao_items when the file only has CPC.';
COMMENT ON COLUMN staging.stg_fao_production.item_code_cpc IS 'CPC code of the item as text (leading zeros kept); from ref.fao_items when the file has none.';
COMMENT ON COLUMN staging.stg_fao_production.item IS 'Item name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_production.year IS 'Calendar year.';
COMMENT ON COLUMN staging.stg_fao_production.production_t IS 'Production (element 5510) in tonnes.';
COMMENT ON COLUMN staging.stg_fao_production.area_harvested_ha IS 'Area harvested (element 5312) in hectares.';
COMMENT ON COLUMN staging.stg_fao_production.yield_kg_ha IS 'Crop yield (element 5412, or 5419 in hg/ha in older releases) in kg/ha.';
COMMENT ON COLUMN staging.stg_fao_production.milk_animals_an IS 'Milk animals (element 5318), head.';
COMMENT ON COLUMN staging.stg_fao_production.yield_kg_an IS 'Yield per animal (elements 5420/5417; hg/An and 100 g/An converted) in kg per head (milk per cow for 882).';
COMMENT ON COLUMN staging.stg_fao_production.stocks_an IS 'Live animals (elements 5111 An and 5112 1000 An), head.';
COMMENT ON COLUMN staging.stg_fao_production.production_flag IS 'FAOSTAT flag of the production figure (A official, E estimated, X international organisation ...; see lake fao_observations.flag_meaning).';
COMMENT ON COLUMN staging.stg_fao_production.extract_id IS 'Extract the rows came from (meta.extracts sha256 prefix).';
