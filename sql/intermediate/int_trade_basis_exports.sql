-- Every export flow of the year's trade basis (intermediate.int_trade_basis), by exporter, importer and HS6 product:
-- BACI flows read from the lake as they are (reconciled by CEPII), Comtrade flows through the mirror rule (reported
-- exports, else mirror imports converted to FOB; unused mirrors left out). TOTAL rows and shorter codes are left out,
-- so product sums never count a total. The one definition of "the year's exports" that the exporter x product sums
-- (intermediate.int_country_product_exports) and the unit value checks (intermediate.int_exporter_unit_values) read.
-- config: materialized=view, partition_by=year
SELECT f.year, f.source_kind, f.hs_vintage, f.reporter_key AS exporter_key, f.partner_key AS importer_key, f.product_code,
       f.value_usd, f.quantity_kg,
       CASE WHEN f.quantity_kg IS NULL AND f.quantity_original IS NOT NULL THEN f.quantity_unit END AS other_quantity_unit,
       'reconciled' AS value_basis
FROM staging.stg_trade_flows AS f
JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
WHERE f.source_kind = 'baci' AND f.flow = 'X' AND f.product_level = 6 AND f.month IS NULL
UNION ALL
SELECT m.year, m.source_kind, m.hs_vintage, m.exporter_key, m.importer_key, m.product_code,
       m.value_usd, m.quantity_kg, m.other_quantity_unit, m.value_basis
FROM intermediate.int_trade_mirror_flows AS m
JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
WHERE m.product_level = 6 AND m.month IS NULL AND m.value_basis <> 'unused mirror';

COMMENT ON VIEW intermediate.int_trade_basis_exports IS 'Export flows of the year''s trade basis, HS6 products only: BACI as published (reconciled), Comtrade through the mirror rule (intermediate.int_trade_mirror_flows). Annual data only; a view: the warehouse keeps no copy of the flows.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.source_kind IS 'Connector: baci or comtrade.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.importer_key IS 'Importer ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.value_usd IS 'Export value (USD, FOB): BACI reconciled, Comtrade reported or mirror (see value_basis).';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.quantity_kg IS 'Net weight (kg); NULL when missing or an estimated zero.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.other_quantity_unit IS 'The unit of the flow''s quantity when it has one but no net weight (Comtrade''s u, l, m2, ...: a quantity that does not convert to kg); NULL otherwise.';
COMMENT ON COLUMN intermediate.int_trade_basis_exports.value_basis IS 'reconciled (BACI), reported (exporter) or mirror (importer, converted to FOB).';
