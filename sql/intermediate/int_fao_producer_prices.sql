-- FAOSTAT annual producer prices of the clusters' FAO items, ONE source per area, item and year, so two downloads of
-- the same prices are not averaged together. The rule (docs/indicators.md, "One FAOSTAT source per figure"), in order:
--   1. a row with a USD price before one without;
--   2. the source whose series for that area and item reaches the latest year (the newer release);
--   3. the source id, alphabetically.
-- The rule reads every year of a source (2.), so the model is not partitioned by year.
WITH ranked AS (
    SELECT *,
           max(year) OVER (PARTITION BY source_id, area_key, item_code_fao) AS source_last_year,
           count(DISTINCT source_id) OVER (PARTITION BY area_key, item_code_fao, year) AS sources
    FROM staging.stg_fao_producer_prices
    WHERE item_code_fao IN (SELECT item_code FROM ref.cluster_fao_items)
)
SELECT source_id, area_key, area_entity, area_iso3, area, area_is_aggregate, item_code_fao, item, year,
       price_usd_t, price_lcu_t, price_slc_t, price_index, price_usd_flag, sources
FROM ranked
QUALIFY row_number() OVER (
    PARTITION BY area_key, item_code_fao, year
    ORDER BY price_usd_t IS NULL, source_last_year DESC, source_id) = 1;

COMMENT ON TABLE intermediate.int_fao_producer_prices IS 'FAOSTAT annual producer prices of the clusters'' FAO items, one source per area, item and year (rule: a USD price first, the source reaching the latest year, then the source id).';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.source_id IS 'The source the prices of this area, item and year are taken from.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.area_entity IS 'Entity of ref.countries the area resolved to.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.area_iso3 IS 'ISO3 of the area; NULL for aggregates.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.area IS 'Area name as the chosen source writes it.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.area_is_aggregate IS 'True for aggregates (World, regions, FAO 351 China).';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.item_code_fao IS 'FAO item code (one of the clusters'' items).';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.item IS 'Item name as the chosen source writes it.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.year IS 'Calendar year of the annual value.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.price_usd_t IS 'Producer price (element 5532), USD per tonne.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.price_lcu_t IS 'Producer price (element 5530), local currency units per tonne.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.price_slc_t IS 'Producer price (element 5531), standard local currency per tonne.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.price_index IS 'Producer price index (element 5539).';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.price_usd_flag IS 'FAOSTAT flag of the USD price.';
COMMENT ON COLUMN intermediate.int_fao_producer_prices.sources IS 'How many sources hold rows for this area, item and year (1 = no choice was made).';
