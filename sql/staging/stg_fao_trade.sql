-- FAOSTAT trade (TCL and the older TP domain) by reporting area: one row per source, area, item and year with export
-- and import quantities (t) and values (USD, from 1000 USD), with the flags of the export figures.
-- config: materialized=view, partition_by=year
SELECT
    * EXCLUDE (element_code, std_unit, value_std, flag, extract_id),   -- the keys: source, domain, area, item, year
    max(value_std) FILTER (element_code = 5910 AND std_unit = 't')          AS export_qty_t,
    max(value_std) FILTER (element_code = 5922 AND std_unit = 'USD')        AS export_value_usd,
    max(value_std) FILTER (element_code = 5610 AND std_unit = 't')          AS import_qty_t,
    max(value_std) FILTER (element_code = 5622 AND std_unit = 'USD')        AS import_value_usd,
    max(flag) FILTER (element_code = 5910)                                  AS export_qty_flag,
    max(flag) FILTER (element_code = 5922)                                  AS export_value_flag,
    max(extract_id)                                                         AS extract_id
FROM staging.stg_fao_observations
WHERE domain IN ('TCL', 'TP')
GROUP BY ALL;

COMMENT ON VIEW staging.stg_fao_trade IS 'FAOSTAT agricultural trade per source, reporting area, item and year: export and import quantities in tonnes and values in USD.';
COMMENT ON COLUMN staging.stg_fao_trade.source_id IS 'Source id the rows were normalized from.';
COMMENT ON COLUMN staging.stg_fao_trade.domain IS 'FAOSTAT domain: TCL (crops and livestock products), or TP in older releases.';
COMMENT ON COLUMN staging.stg_fao_trade.area_code_fao IS 'FAO area code as given by the file (NULL for web downloads with M49 codes).';
COMMENT ON COLUMN staging.stg_fao_trade.area_code_m49 IS 'UN M49 code as given by the file.';
COMMENT ON COLUMN staging.stg_fao_trade.area IS 'Area name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_trade.area_entity IS 'Entity of ref.countries the area resolved to.';
COMMENT ON COLUMN staging.stg_fao_trade.area_iso3 IS 'ISO3 of the area; NULL for aggregates.';
COMMENT ON COLUMN staging.stg_fao_trade.area_is_aggregate IS 'True for aggregates (World, regions, FAO 351 China): exclude from world totals.';
COMMENT ON COLUMN staging.stg_fao_trade.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN staging.stg_fao_trade.item_code_fao IS 'FAO item code (from ref.fao_items when the file only has CPC).';
COMMENT ON COLUMN staging.stg_fao_trade.item_code_cpc IS 'CPC code of the item as text.';
COMMENT ON COLUMN staging.stg_fao_trade.item IS 'Item name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_trade.year IS 'Calendar year.';
COMMENT ON COLUMN staging.stg_fao_trade.export_qty_t IS 'Export quantity (element 5910) in tonnes.';
COMMENT ON COLUMN staging.stg_fao_trade.export_value_usd IS 'Export value (element 5922) in USD (FAOSTAT 1000 USD x 1000).';
COMMENT ON COLUMN staging.stg_fao_trade.import_qty_t IS 'Import quantity (element 5610) in tonnes.';
COMMENT ON COLUMN staging.stg_fao_trade.import_value_usd IS 'Import value (element 5622) in USD (FAOSTAT 1000 USD x 1000).';
COMMENT ON COLUMN staging.stg_fao_trade.export_qty_flag IS 'FAOSTAT flag of the export quantity (A official, E estimated, I imputed, X international organisation ...).';
COMMENT ON COLUMN staging.stg_fao_trade.export_value_flag IS 'FAOSTAT flag of the export value (A official, E estimated, I imputed, X international organisation ...).';
COMMENT ON COLUMN staging.stg_fao_trade.extract_id IS 'Extract the rows came from (meta.extracts sha256 prefix).';
