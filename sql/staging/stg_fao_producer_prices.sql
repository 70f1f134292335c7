-- FAOSTAT producer prices (PP), annual values: one row per source, area, item and year, the price elements as columns.
-- Monthly rows (month 1-12) stay in lake fao_observations; they are not mixed with the annual value here.
-- config: materialized=view, partition_by=year
SELECT
    * EXCLUDE (domain, element_code, std_unit, value_std, flag, extract_id),   -- the keys: source, area, item, year
    max(value_std) FILTER (element_code = 5532)                     AS price_usd_t,
    max(value_std) FILTER (element_code = 5530)                     AS price_lcu_t,
    max(value_std) FILTER (element_code = 5531)                     AS price_slc_t,
    max(value_std) FILTER (element_code = 5539)                     AS price_index,
    max(flag) FILTER (element_code = 5532)                          AS price_usd_flag,
    max(extract_id)                                                 AS extract_id
FROM staging.stg_fao_observations
WHERE domain = 'PP'
GROUP BY ALL;

COMMENT ON VIEW staging.stg_fao_producer_prices IS 'FAOSTAT annual producer (farm-gate) prices per source, area, item and year, in USD and local currency per tonne.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.source_id IS 'Source id the rows were normalized from.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area_code_fao IS 'FAO area code as given by the file.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area_code_m49 IS 'UN M49 code as given by the file, without its apostrophe.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area IS 'Area name as FAOSTAT writes it (Latin-1 files decoded: Côte d''Ivoire).';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area_entity IS 'Entity of ref.countries the area resolved to.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area_iso3 IS 'ISO3 of the area; NULL for aggregates.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area_is_aggregate IS 'True for aggregates (World, regions, FAO 351 China).';
COMMENT ON COLUMN staging.stg_fao_producer_prices.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.item_code_fao IS 'FAO item code.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.item_code_cpc IS 'CPC code of the item as text.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.item IS 'Item name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.year IS 'Calendar year of the annual value (Months Code 7021).';
COMMENT ON COLUMN staging.stg_fao_producer_prices.price_usd_t IS 'Producer price (element 5532) in USD per tonne.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.price_lcu_t IS 'Producer price (element 5530) in local currency units per tonne.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.price_slc_t IS 'Producer price (element 5531) in standard local currency per tonne.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.price_index IS 'Producer price index (element 5539, 2014-2016 = 100).';
COMMENT ON COLUMN staging.stg_fao_producer_prices.price_usd_flag IS 'FAOSTAT flag of the USD price.';
COMMENT ON COLUMN staging.stg_fao_producer_prices.extract_id IS 'Extract the rows came from (meta.extracts sha256 prefix).';
