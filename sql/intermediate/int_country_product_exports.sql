-- Exports of every exporter and HS6 product per year, over all importers, from the trade basis of the year
-- (reported exports, else mirror imports converted to FOB): the base of world totals, shares, unit values and RCA.
-- TOTAL rows and shorter codes are left out, so product sums never count a total.
CREATE TABLE intermediate.int_country_product_exports AS
SELECT
    f.year,
    f.hs_vintage,
    f.exporter_key,
    f.product_code,
    sum(f.value_usd)                                      AS export_value_usd,
    sum(f.quantity_kg) FILTER (WHERE f.quantity_kg > 0)   AS export_qty_kg,
    sum(f.value_usd) FILTER (WHERE f.quantity_kg > 0)     AS export_value_with_qty_usd
FROM staging.stg_trade_mirror_flows AS f
JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
WHERE f.product_level = 6 AND f.month IS NULL
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_country_product_exports IS 'Exports per year, HS vintage, exporter and HS6 product, summed over importers, from the year''s trade basis (intermediate.int_trade_basis).';
COMMENT ON COLUMN intermediate.int_country_product_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_country_product_exports.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_country_product_exports.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_usd IS 'Sum of value_usd (USD, FOB; reported or mirror, see staging.stg_trade_mirror_flows).';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_qty_kg IS 'Sum of the known, non-zero quantities (kg); flows without quantity add nothing; NULL when none is known.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_with_qty_usd IS 'Value of the flows that have a known, non-zero quantity (USD): the numerator of unit values, so flows without quantity never lower them.';
