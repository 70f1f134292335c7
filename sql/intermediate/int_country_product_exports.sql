-- Exports of every exporter and product per year and HS vintage, over all importers: the base of
-- world totals, shares and RCA.
CREATE TABLE intermediate.int_country_product_exports AS
SELECT
    year,
    hs_vintage,
    exporter_key,
    product_code,
    sum(value_usd)   AS export_value_usd,
    sum(quantity_kg) AS export_qty_kg
FROM staging.stg_trade_flows
WHERE flow = 'X'
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_country_product_exports IS 'Exports per year, HS vintage, exporter and HS6 product, summed over importers.';
COMMENT ON COLUMN intermediate.int_country_product_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_country_product_exports.hs_vintage IS 'HS vintage of product_code; totals never mix vintages.';
COMMENT ON COLUMN intermediate.int_country_product_exports.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_country_product_exports.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_usd IS 'Sum of value_usd (USD, FOB).';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_qty_kg IS 'Sum of the known quantities (kg); flows without quantity add nothing; NULL when none is known.';
