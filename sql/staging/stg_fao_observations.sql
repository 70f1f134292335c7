-- FAOSTAT annual observations of every faostat source (lake.fao_observations), one row per source, domain, area, item,
-- element and year: the columns the FAOSTAT staging models pivot (stg_fao_production, stg_fao_producer_prices,
-- stg_fao_trade), renamed, with the area's key across sources. Monthly rows (month 1-12) stay in the lake.
-- config: materialized=view, partition_by=year
SELECT
    source                                                                                 AS source_id,
    domain,
    area_code_fao,
    area_code_m49,
    area,
    area_entity,
    area_iso3,
    area_is_aggregate,
    coalesce(area_entity, 'M49:' || area_code_m49, 'FAO:' || area_code_fao::VARCHAR)      AS area_key,
    item_code_fao,
    item_code_cpc,
    item,
    year::INTEGER                                                                          AS year,
    element_code,
    std_unit,
    value_std,
    flag,
    extract_id
FROM lake.fao_observations
WHERE month IS NULL;

COMMENT ON VIEW staging.stg_fao_observations IS 'FAOSTAT annual observations (every domain, element as a row, values in standard units) per source, area, item and year; monthly rows stay in lake.fao_observations.';
COMMENT ON COLUMN staging.stg_fao_observations.source_id IS 'Source id the rows were normalized from (pipelines/sources/<id>.json).';
COMMENT ON COLUMN staging.stg_fao_observations.domain IS 'FAOSTAT domain: QCL (or the older QC / QL) production, PP producer prices, TCL (or TP) trade ...';
COMMENT ON COLUMN staging.stg_fao_observations.area_code_fao IS 'FAO area code as given by the file (NULL when the file only has M49).';
COMMENT ON COLUMN staging.stg_fao_observations.area_code_m49 IS 'UN M49 code as given by the file, without its apostrophe (NULL when the file only has the FAO code).';
COMMENT ON COLUMN staging.stg_fao_observations.area IS 'Area name as FAOSTAT writes it (Latin-1 files decoded: Côte d''Ivoire).';
COMMENT ON COLUMN staging.stg_fao_observations.area_entity IS 'Entity of ref.countries the area resolved to (BLX, CHN351 ...).';
COMMENT ON COLUMN staging.stg_fao_observations.area_iso3 IS 'ISO3 of the area from ref.countries; NULL for aggregates.';
COMMENT ON COLUMN staging.stg_fao_observations.area_is_aggregate IS 'True for World, regions and FAO 351 China (a sum of mainland, Hong Kong, Macao and Taiwan): never add these to countries.';
COMMENT ON COLUMN staging.stg_fao_observations.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN staging.stg_fao_observations.item_code_fao IS 'FAO item code; from ref.fao_items when the file only has CPC.';
COMMENT ON COLUMN staging.stg_fao_observations.item_code_cpc IS 'CPC code of the item as text (leading zeros kept); from ref.fao_items when the file has none.';
COMMENT ON COLUMN staging.stg_fao_observations.item IS 'Item name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_observations.year IS 'Calendar year of the annual value.';
COMMENT ON COLUMN staging.stg_fao_observations.element_code IS 'FAOSTAT element code (5510 production, 5532 producer price USD/t, 5910 export quantity ...).';
COMMENT ON COLUMN staging.stg_fao_observations.std_unit IS 'Standard unit of value_std (t, ha, kg/ha, An, kg/An, USD, USD/t ...).';
COMMENT ON COLUMN staging.stg_fao_observations.value_std IS 'The value in std_unit.';
COMMENT ON COLUMN staging.stg_fao_observations.flag IS 'FAOSTAT flag of the value (A official, E estimated, X international organisation ...).';
COMMENT ON COLUMN staging.stg_fao_observations.extract_id IS 'Extract the row came from (meta.extracts sha256 prefix).';
