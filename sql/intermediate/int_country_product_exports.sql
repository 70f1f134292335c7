-- Exports of every exporter and HS6 product per year, over all importers, from the trade basis of the year
-- (intermediate.int_trade_basis_exports: BACI flows as they are, reconciled by CEPII; Comtrade flows through the mirror
-- rule, reported exports, else mirror imports converted to FOB; HS6 only, so product sums never count a total).
-- The base of world totals, shares, unit values and RCA.
-- Values (cents) and quantities (grams) are summed as DECIMAL: exact, so reruns give identical numbers whatever
-- order the flows are read in; stored as DECIMAL(18, ...) (eight bytes: up to 10^16 USD, 10^15 kg).
-- config: partition_by=year
SELECT
    year,
    hs_vintage,
    exporter_key,
    product_code,
    sum(value_usd::DECIMAL(18, 2))::DECIMAL(18, 2)                                 AS export_value_usd,
    sum(quantity_kg::DECIMAL(18, 3)) FILTER (WHERE quantity_kg > 0)::DECIMAL(18, 3) AS export_qty_kg,
    sum(value_usd::DECIMAL(18, 2)) FILTER (WHERE quantity_kg > 0)::DECIMAL(18, 2)   AS export_value_with_qty_usd
FROM intermediate.int_trade_basis_exports
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_country_product_exports IS 'Exports per year, HS vintage, exporter and HS6 product, summed over importers, from the year''s trade basis (intermediate.int_trade_basis).';
COMMENT ON COLUMN intermediate.int_country_product_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_country_product_exports.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_country_product_exports.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_usd IS 'Sum of value_usd (USD, FOB; BACI reconciled, Comtrade reported or mirror, see intermediate.int_trade_mirror_flows), exact to the cent.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_qty_kg IS 'Sum of the known, non-zero quantities (kg); flows without quantity add nothing; NULL when none is known.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_with_qty_usd IS 'Value of the flows that have a known, non-zero quantity (USD): the numerator of unit values, so flows without quantity never lower them.';
