-- Exports by firm from users' tables (table sources filling lake/normalized/firm_exports): export associations' records.
-- config: materialized=view
SELECT
    source AS source_id, country_iso3, exporter, destination_name, destination_iso3, hs_code, hs_vintage, year, value, currency,
    value_usd, quantity, quantity_unit, quantity_kg, series_group, file, line, extract_id
FROM lake.firm_exports;

COMMENT ON VIEW staging.stg_firm_exports IS 'Exports of each firm (exporter) by destination, product and year, as users'' tables give them (source kind table).';
COMMENT ON COLUMN staging.stg_firm_exports.source_id IS 'Source id (a table source).';
COMMENT ON COLUMN staging.stg_firm_exports.country_iso3 IS 'ISO3 of the exporting country.';
COMMENT ON COLUMN staging.stg_firm_exports.exporter IS 'The exporting firm as the table names it.';
COMMENT ON COLUMN staging.stg_firm_exports.destination_name IS 'The destination as written; NULL when the table has none.';
COMMENT ON COLUMN staging.stg_firm_exports.destination_iso3 IS 'Its ISO3 code (ref.countries: ISO3, or a name in English or Spanish).';
COMMENT ON COLUMN staging.stg_firm_exports.hs_code IS 'HS code of the product (2, 4 or 6 digits).';
COMMENT ON COLUMN staging.stg_firm_exports.hs_vintage IS 'HS vintage of hs_code, when declared.';
COMMENT ON COLUMN staging.stg_firm_exports.year IS 'Calendar year.';
COMMENT ON COLUMN staging.stg_firm_exports.value IS 'Export value as given, in currency.';
COMMENT ON COLUMN staging.stg_firm_exports.currency IS 'Currency of value as declared (USD, 1000 USD, million USD, or another).';
COMMENT ON COLUMN staging.stg_firm_exports.value_usd IS 'The value in USD; NULL for a currency other than USD.';
COMMENT ON COLUMN staging.stg_firm_exports.quantity IS 'Quantity as given; NULL when the table has none.';
COMMENT ON COLUMN staging.stg_firm_exports.quantity_unit IS 'Unit of quantity as declared.';
COMMENT ON COLUMN staging.stg_firm_exports.quantity_kg IS 'The quantity in kg (t x 1000, lb x 0.45359237); NULL for a unit without a factor.';
COMMENT ON COLUMN staging.stg_firm_exports.series_group IS 'The group row above the row in the table, when it has group rows.';
COMMENT ON COLUMN staging.stg_firm_exports.file IS 'The file the row was read from.';
COMMENT ON COLUMN staging.stg_firm_exports.line IS 'Its row number in the sheet or CSV.';
COMMENT ON COLUMN staging.stg_firm_exports.extract_id IS 'Extract id (first 16 hex of the file''s SHA-256).';
