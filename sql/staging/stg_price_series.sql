-- Prices from users' tables (table sources filling lake/normalized/price_series): growers' prices, wholesale prices.
-- config: materialized=view
SELECT
    source AS source_id, area_name, area_iso3, product, fao_item_code, hs_code, year, month, price, unit, currency, price_usd_t,
    series_group, file, line, extract_id
FROM lake.price_series;

COMMENT ON VIEW staging.stg_price_series IS 'Prices of a product in an area as users'' tables give them (source kind table, e.g. the ICO prices paid to growers), one row per area, product, series and period.';
COMMENT ON COLUMN staging.stg_price_series.source_id IS 'Source id (a table source).';
COMMENT ON COLUMN staging.stg_price_series.area_name IS 'The area as the table writes it (Colombia, Bolivia (Plurinational State of)).';
COMMENT ON COLUMN staging.stg_price_series.area_iso3 IS 'Its ISO3 code (ref.countries: ISO3, or a name in English or Spanish).';
COMMENT ON COLUMN staging.stg_price_series.product IS 'The product as the table or the source definition names it; NULL when not given.';
COMMENT ON COLUMN staging.stg_price_series.fao_item_code IS 'FAO item code of the product (declared, or found by the item''s name in ref.fao_items); NULL when neither.';
COMMENT ON COLUMN staging.stg_price_series.hs_code IS 'HS6 code of the product, when the table or definition gives one.';
COMMENT ON COLUMN staging.stg_price_series.year IS 'Calendar year.';
COMMENT ON COLUMN staging.stg_price_series.month IS 'Month 1-12 for monthly prices; NULL for annual ones.';
COMMENT ON COLUMN staging.stg_price_series.price IS 'The price as given, in unit and currency.';
COMMENT ON COLUMN staging.stg_price_series.unit IS 'Unit of the price as declared (US cents/lb, USD/t, ...).';
COMMENT ON COLUMN staging.stg_price_series.currency IS 'Currency as declared (USD, MXN, ...).';
COMMENT ON COLUMN staging.stg_price_series.price_usd_t IS 'The price in USD per tonne (US cents/lb x 22.0462262); NULL for a currency other than USD or a unit without a factor.';
COMMENT ON COLUMN staging.stg_price_series.series_group IS 'The group row above the row in the table (ICO: Colombian Milds, Other Milds, Brazilian Naturals, Robustas): one country may have a series in several groups.';
COMMENT ON COLUMN staging.stg_price_series.file IS 'The file the row was read from.';
COMMENT ON COLUMN staging.stg_price_series.line IS 'Its row number in the sheet or CSV.';
COMMENT ON COLUMN staging.stg_price_series.extract_id IS 'Extract id (first 16 hex of the file''s SHA-256).';
