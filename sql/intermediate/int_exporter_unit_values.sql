-- Each exporter's exports of each of the clusters' products per year, with the value a unit value can use and the
-- value it cannot, by reason: the base of marts.unit_value_checks (docs/indicators.md, "Unit values that can be
-- trusted"). From the year's export flows, as intermediate.int_country_product_exports
-- (intermediate.int_trade_basis_exports), so value_with_kg_usd and quantity_kg are the figures every unit value of
-- the marts divides.
-- Scope: the clusters' products only (intermediate.int_cluster_products, every vintage of the data), but every
-- exporter of them, since a product's band is taken over all its exporters. Every exporter x product x year of a BACI
-- release is ~33 million rows (the size of int_country_product_exports); the clusters' ~100 HS6 codes with their
-- ~200 exporters over 28 years are a few hundred thousand.
-- A flow's value is in exactly one of: value_with_kg_usd (a net weight > 0), value_zero_quantity_usd (a net weight of
-- 0), value_unit_not_kg_usd (no net weight, but a quantity in another unit: Comtrade's u, l, m2 ...),
-- value_no_quantity_usd (no quantity at all: BACI's NA, Comtrade's qtyUnitCode -1 or an estimated zero).
-- Sums are exact (DECIMAL).
-- config: partition_by=year
WITH products AS (      -- the clusters' HS6 codes in every vintage of the data
    SELECT DISTINCT hs_vintage, product_code FROM intermediate.int_cluster_products
)
SELECT
    year,
    hs_vintage,
    exporter_key,
    product_code,
    sum(value_usd::DECIMAL(18, 2))::DECIMAL(18, 2)                                                         AS value_usd,
    sum(quantity_kg::DECIMAL(18, 3)) FILTER (WHERE quantity_kg > 0)::DECIMAL(18, 3)                         AS quantity_kg,
    coalesce(sum(value_usd::DECIMAL(18, 2)) FILTER (WHERE quantity_kg > 0), 0)::DECIMAL(18, 2)              AS value_with_kg_usd,
    coalesce(sum(value_usd::DECIMAL(18, 2)) FILTER (WHERE quantity_kg = 0), 0)::DECIMAL(18, 2)              AS value_zero_quantity_usd,
    coalesce(sum(value_usd::DECIMAL(18, 2))
             FILTER (WHERE quantity_kg IS NULL AND other_quantity_unit IS NOT NULL), 0)::DECIMAL(18, 2)     AS value_unit_not_kg_usd,
    coalesce(sum(value_usd::DECIMAL(18, 2))
             FILTER (WHERE quantity_kg IS NULL AND other_quantity_unit IS NULL), 0)::DECIMAL(18, 2)         AS value_no_quantity_usd,
    string_agg(DISTINCT other_quantity_unit, ', ' ORDER BY other_quantity_unit)                             AS other_quantity_units
FROM intermediate.int_trade_basis_exports
JOIN products USING (hs_vintage, product_code)
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_exporter_unit_values IS 'Exports of the clusters'' products per year, HS vintage, exporter and HS6 product (every exporter of them), from the year''s trade basis, with the value split by what its quantity allows: the base of marts.unit_value_checks.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.product_code IS 'HS6 product code (one of the clusters'' products, intermediate.int_cluster_products).';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.value_usd IS 'Export value (USD, FOB; BACI reconciled, Comtrade reported or mirror), exact: the sum of the four value_* columns.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.quantity_kg IS 'Sum of the known, non-zero net weights (kg); NULL when none is known.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.value_with_kg_usd IS 'Value of the flows with a net weight > 0 (USD): the numerator of the unit value; 0 when none.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.value_zero_quantity_usd IS 'Value of the flows whose net weight is 0 (not an estimated zero, which is no quantity): value without kilograms (reason zero_quantity).';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.value_unit_not_kg_usd IS 'Value of the flows without net weight whose quantity is in another unit (Comtrade''s qtyUnit: u, l, m2, ...), which does not convert to kg (reason quantity_unit_not_kg).';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.value_no_quantity_usd IS 'Value of the flows without any quantity (BACI NA; Comtrade qtyUnitCode -1, or an estimated zero): reason no_quantity.';
COMMENT ON COLUMN intermediate.int_exporter_unit_values.other_quantity_units IS 'The units of the quantities counted in value_unit_not_kg_usd, comma-separated; NULL when none.';
