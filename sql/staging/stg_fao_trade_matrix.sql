-- FAOSTAT Detailed Trade Matrix (TM): one row per source, reporter, partner, item and year, with the reporter's
-- export and import quantities (t) and values (USD). Reporter and partner are resolved to ISO3 through ref.countries.
-- config: materialized=view, partition_by=year
SELECT
    source                                                                  AS source_id,
    reporter_code_fao,
    reporter_code_m49,
    reporter,
    reporter_iso3,
    reporter_is_aggregate,
    partner_code_fao,
    partner_code_m49,
    partner,
    partner_iso3,
    partner_is_aggregate,
    item_code_fao,
    item_code_cpc,
    item,
    year::INTEGER                                                           AS year,
    max(value_std) FILTER (element_code = 5910 AND std_unit = 't')          AS export_qty_t,
    max(value_std) FILTER (element_code = 5922 AND std_unit = 'USD')        AS export_value_usd,
    max(value_std) FILTER (element_code = 5610 AND std_unit = 't')          AS import_qty_t,
    max(value_std) FILTER (element_code = 5622 AND std_unit = 'USD')        AS import_value_usd,
    max(extract_id)                                                         AS extract_id
FROM lake.fao_trade_matrix
GROUP BY ALL;

COMMENT ON VIEW staging.stg_fao_trade_matrix IS 'FAOSTAT Detailed Trade Matrix per source, reporter, partner, item and year: what the reporter declares exporting to and importing from the partner.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.source_id IS 'Source id the rows were normalized from.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.reporter_code_fao IS 'Reporter FAO area code as given by the file (NULL for web downloads with M49).';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.reporter_code_m49 IS 'Reporter UN M49 code as given by the file.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.reporter IS 'Reporter name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.reporter_iso3 IS 'Reporter ISO3 from ref.countries; NULL for aggregates.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.reporter_is_aggregate IS 'True when the reporter is an aggregate.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.partner_code_fao IS 'Partner FAO area code as given by the file.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.partner_code_m49 IS 'Partner UN M49 code as given by the file.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.partner IS 'Partner name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.partner_iso3 IS 'Partner ISO3 from ref.countries; NULL for aggregates.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.partner_is_aggregate IS 'True when the partner is an aggregate.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.item_code_fao IS 'FAO item code, when the file has it or ref.fao_items maps its CPC code.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.item_code_cpc IS 'CPC code of the item as text (FAO''s own F-codes such as F0875 for items outside CPC).';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.item IS 'Item name as FAOSTAT writes it.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.year IS 'Calendar year.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.export_qty_t IS 'Reporter''s export quantity to the partner (element 5910) in tonnes.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.export_value_usd IS 'Reporter''s export value to the partner (element 5922) in USD (1000 US$ x 1000).';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.import_qty_t IS 'Reporter''s import quantity from the partner (element 5610) in tonnes.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.import_value_usd IS 'Reporter''s import value from the partner (element 5622) in USD.';
COMMENT ON COLUMN staging.stg_fao_trade_matrix.extract_id IS 'Extract the rows came from (meta.extracts sha256 prefix).';
