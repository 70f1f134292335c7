-- FAOSTAT exports of the clusters' FAO items (TCL, or the older TP), ONE source per area, item and year, by the rule of
-- intermediate.int_fao_production (docs/indicators.md, "One FAOSTAT source per figure"), in order:
--   1. a row with an export figure (quantity or value) before one without;
--   2. the current domain TCL before the older TP;
--   3. the source whose series for that area and item reaches the latest year (the newer release);
--   4. the source id, alphabetically.
-- The rule reads every year of a source (3.), so the model is not partitioned by year.
WITH ranked AS (
    SELECT *,
           max(year) OVER (PARTITION BY source_id, area_key, item_code_fao)          AS source_last_year,
           count(DISTINCT source_id) OVER (PARTITION BY area_key, item_code_fao, year) AS sources
    FROM staging.stg_fao_trade
    WHERE item_code_fao IN (SELECT item_code FROM ref.cluster_fao_items)
)
SELECT source_id, domain, area_key, area_iso3, area, area_is_aggregate, item_code_fao, item, year,
       export_qty_t, export_value_usd, export_qty_flag, export_value_flag, sources
FROM ranked
QUALIFY row_number() OVER (
    PARTITION BY area_key, item_code_fao, year
    ORDER BY export_qty_t IS NULL AND export_value_usd IS NULL, list_position(['TCL', 'TP'], domain), source_last_year DESC,
             source_id, domain) = 1;

COMMENT ON TABLE intermediate.int_fao_trade IS 'FAOSTAT exports (TCL) of the clusters'' FAO items, one source per area, item and year (TCL before TP, then the source reaching the latest year, then the source id).';
COMMENT ON COLUMN intermediate.int_fao_trade.source_id IS 'The source the figures of this area, item and year are taken from.';
COMMENT ON COLUMN intermediate.int_fao_trade.domain IS 'FAOSTAT domain of the chosen rows: TCL, or TP in older releases.';
COMMENT ON COLUMN intermediate.int_fao_trade.area_key IS 'Area as compared across sources: the ref.countries entity, else M49:<code> or FAO:<code>.';
COMMENT ON COLUMN intermediate.int_fao_trade.area_iso3 IS 'ISO3 of the area; NULL for aggregates.';
COMMENT ON COLUMN intermediate.int_fao_trade.area IS 'Area name as the chosen source writes it.';
COMMENT ON COLUMN intermediate.int_fao_trade.area_is_aggregate IS 'True for World, regions and FAO 351 China: never add these to countries.';
COMMENT ON COLUMN intermediate.int_fao_trade.item_code_fao IS 'FAO item code (one of the clusters'' items, ref.cluster_fao_items).';
COMMENT ON COLUMN intermediate.int_fao_trade.item IS 'Item name as the chosen source writes it.';
COMMENT ON COLUMN intermediate.int_fao_trade.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_fao_trade.export_qty_t IS 'Export quantity (element 5910), tonnes; NULL when the source has none.';
COMMENT ON COLUMN intermediate.int_fao_trade.export_value_usd IS 'Export value (element 5922), USD; NULL when the source has none.';
COMMENT ON COLUMN intermediate.int_fao_trade.export_qty_flag IS 'FAOSTAT flag of the export quantity (A official; E, I, X ... not official).';
COMMENT ON COLUMN intermediate.int_fao_trade.export_value_flag IS 'FAOSTAT flag of the export value.';
COMMENT ON COLUMN intermediate.int_fao_trade.sources IS 'How many sources hold rows for this area, item and year (1 = no choice was made).';
