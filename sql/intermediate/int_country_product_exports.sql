-- Exports of every exporter and HS6 product per year, over all importers, from the trade basis of the year: BACI
-- flows read from the lake as they are (reconciled by CEPII), Comtrade flows through the mirror rule (reported
-- exports, else mirror imports converted to FOB). The base of world totals, shares, unit values and RCA.
-- TOTAL rows and shorter codes are left out, so product sums never count a total.
-- Values (cents) and quantities (grams) are summed as DECIMAL: exact, so reruns give identical numbers whatever
-- order the flows are read in; stored as DECIMAL(18, ...) (eight bytes: up to 10^16 USD, 10^15 kg).
-- config: partition_by=year
WITH flows AS (
    SELECT f.year, f.hs_vintage, f.reporter_key AS exporter_key, f.product_code, f.value_usd, f.quantity_kg
    FROM staging.stg_trade_flows AS f
    JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
    WHERE f.source_kind = 'baci' AND f.flow = 'X' AND f.product_level = 6 AND f.month IS NULL
    UNION ALL
    SELECT m.year, m.hs_vintage, m.exporter_key, m.product_code, m.value_usd, m.quantity_kg
    FROM intermediate.int_trade_mirror_flows AS m
    JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
    WHERE m.product_level = 6 AND m.month IS NULL AND m.value_basis <> 'unused mirror'
)
SELECT
    year,
    hs_vintage,
    exporter_key,
    product_code,
    sum(value_usd::DECIMAL(18, 2))::DECIMAL(18, 2)                                 AS export_value_usd,
    sum(quantity_kg::DECIMAL(18, 3)) FILTER (WHERE quantity_kg > 0)::DECIMAL(18, 3) AS export_qty_kg,
    sum(value_usd::DECIMAL(18, 2)) FILTER (WHERE quantity_kg > 0)::DECIMAL(18, 2)   AS export_value_with_qty_usd
FROM flows
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_country_product_exports IS 'Exports per year, HS vintage, exporter and HS6 product, summed over importers, from the year''s trade basis (intermediate.int_trade_basis).';
COMMENT ON COLUMN intermediate.int_country_product_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_country_product_exports.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_country_product_exports.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_usd IS 'Sum of value_usd (USD, FOB; BACI reconciled, Comtrade reported or mirror, see intermediate.int_trade_mirror_flows), exact to the cent.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_qty_kg IS 'Sum of the known, non-zero quantities (kg); flows without quantity add nothing; NULL when none is known.';
COMMENT ON COLUMN intermediate.int_country_product_exports.export_value_with_qty_usd IS 'Value of the flows that have a known, non-zero quantity (USD): the numerator of unit values, so flows without quantity never lower them.';
