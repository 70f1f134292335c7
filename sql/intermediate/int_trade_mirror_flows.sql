-- Mirror flows of the Comtrade data: every exporter -> importer -> product -> year (-> month) flow seen from both
-- sides, and the value the marts use. Only Comtrade needs them: BACI flows are already reconciled by CEPII, so they
-- are read from the lake as they are (value_basis 'reconciled' in the marts) and never copied here.
--   reported_export_usd   the exporter's reported export (flow X, FOB)
--   mirror_import_cif_usd the importer's reported import from that exporter (flow M, CIF)
--   mirror_import_fob_usd mirror_import_cif_usd / (1 + cif_fob_margin)   (margin: ref.settings, 8% by default)
--   value_usd             reported_export_usd when the exporter reported the flow, else mirror_import_fob_usd, else
--                         NULL (an unused mirror, see below)
--   value_basis           reported, mirror, or unused mirror
--   discrepancy           |X - M_fob| / (X + M_fob), when both sides reported
-- The two sides are matched product by product within one connector and HS vintage. Comtrade publishes each reporter in
-- the vintage it reported in, so from 2017 on an exporter's HS17 export and its partner's HS12 import of the same goods
-- are both in the data, under codes that cannot be matched one by one. An importer's declaration therefore stands in
-- for the exporter's only where the exporter declared nothing for it: no export of that product to that importer in
-- the same vintage, and no export to that importer in the product's HS chapter (2 digits, or TOTAL) in any other
-- vintage of the same year (and month). Otherwise the row is kept, for the discrepancy and for analysts, as an unused
-- mirror: value_usd NULL, and no model sums it (docs/indicators.md, "Mirror flows").
-- World (WLD) as partner is left out: a flow to or from World is a total.
-- Values are summed as DECIMAL (cents): exact, whatever order the rows are read in.
-- config: partition_by=year
WITH exports AS (
    SELECT source_kind, hs_vintage, year, month,
           reporter_key AS exporter_key, reporter_iso3 AS exporter_iso3,
           partner_key  AS importer_key, partner_iso3  AS importer_iso3,
           product_code, product_level,
           string_agg(DISTINCT source_id, ', ' ORDER BY source_id) AS source_ids,
           sum(value_usd::DECIMAL(18, 2)) AS value_usd, sum(quantity_kg::DECIMAL(18, 3)) AS quantity_kg,
           min(quantity_unit) FILTER (WHERE quantity_kg IS NULL AND quantity_original IS NOT NULL) AS other_quantity_unit
    FROM staging.stg_trade_flows
    WHERE source_kind = 'comtrade' AND flow = 'X' AND partner_iso3 IS DISTINCT FROM 'WLD'
    GROUP BY ALL
),
imports AS (
    SELECT source_kind, hs_vintage, year, month,
           partner_key  AS exporter_key, partner_iso3  AS exporter_iso3,
           reporter_key AS importer_key, reporter_iso3 AS importer_iso3,
           product_code, product_level,
           string_agg(DISTINCT source_id, ', ' ORDER BY source_id) AS source_ids,
           sum(value_usd::DECIMAL(18, 2)) AS value_usd, sum(quantity_kg::DECIMAL(18, 3)) AS quantity_kg,
           min(quantity_unit) FILTER (WHERE quantity_kg IS NULL AND quantity_original IS NOT NULL) AS other_quantity_unit
    FROM staging.stg_trade_flows
    WHERE source_kind = 'comtrade' AND flow = 'M' AND partner_iso3 IS DISTINCT FROM 'WLD'
    GROUP BY ALL
),
joined AS (
    SELECT
        coalesce(x.source_kind, m.source_kind)     AS source_kind,
        coalesce(x.hs_vintage, m.hs_vintage)       AS hs_vintage,
        coalesce(x.year, m.year)                   AS year,
        coalesce(x.month, m.month)                 AS month,
        coalesce(x.exporter_key, m.exporter_key)   AS exporter_key,
        coalesce(x.exporter_iso3, m.exporter_iso3) AS exporter_iso3,
        coalesce(x.importer_key, m.importer_key)   AS importer_key,
        coalesce(x.importer_iso3, m.importer_iso3) AS importer_iso3,
        coalesce(x.product_code, m.product_code)   AS product_code,
        coalesce(x.product_level, m.product_level) AS product_level,
        x.source_ids                               AS export_source_ids,
        m.source_ids                               AS import_source_ids,
        x.value_usd                                AS reported_export_usd,
        x.quantity_kg                              AS reported_export_kg,
        m.value_usd                                AS mirror_import_cif_usd,
        m.value_usd / (1 + getvariable('cif_fob_margin')) AS mirror_import_fob_usd,
        m.quantity_kg                              AS mirror_import_kg,
        x.other_quantity_unit                      AS export_other_unit,
        m.other_quantity_unit                      AS import_other_unit
    FROM exports AS x
    FULL OUTER JOIN imports AS m
      ON  m.source_kind = x.source_kind
      AND m.hs_vintage = x.hs_vintage
      AND m.year = x.year
      AND m.month IS NOT DISTINCT FROM x.month
      AND m.exporter_key = x.exporter_key
      AND m.importer_key = x.importer_key
      AND m.product_code = x.product_code
),
export_chapters AS (    -- what each exporter declared to each importer: per year, month, HS vintage and chapter
    SELECT DISTINCT year, month, exporter_key, importer_key, hs_vintage,
           CASE WHEN product_level = 0 THEN 'TOTAL' ELSE left(product_code, 2) END AS chapter
    FROM exports
),
ruled AS (
    SELECT j.*,
           j.reported_export_usd IS NULL AND EXISTS (
               SELECT 1 FROM export_chapters AS c
               WHERE c.year = j.year AND c.month IS NOT DISTINCT FROM j.month
                 AND c.exporter_key = j.exporter_key AND c.importer_key = j.importer_key
                 AND c.hs_vintage <> j.hs_vintage
                 AND c.chapter = CASE WHEN j.product_level = 0 THEN 'TOTAL' ELSE left(j.product_code, 2) END
           ) AS exporter_reported_elsewhere
    FROM joined AS j
)
SELECT
    * EXCLUDE (exporter_reported_elsewhere, export_other_unit, import_other_unit),
    getvariable('cif_fob_margin')::DOUBLE AS cif_fob_margin,
    CASE WHEN reported_export_usd IS NOT NULL THEN reported_export_usd::DOUBLE
         WHEN NOT exporter_reported_elsewhere THEN mirror_import_fob_usd END AS value_usd,
    CASE WHEN reported_export_usd IS NOT NULL THEN reported_export_kg
         WHEN NOT exporter_reported_elsewhere THEN mirror_import_kg END AS quantity_kg,
    CASE WHEN reported_export_usd IS NOT NULL THEN 'reported'
         WHEN NOT exporter_reported_elsewhere THEN 'mirror'
         ELSE 'unused mirror' END AS value_basis,
    CASE WHEN reported_export_usd IS NOT NULL THEN export_other_unit
         WHEN NOT exporter_reported_elsewhere THEN import_other_unit END AS other_quantity_unit,
    abs(reported_export_usd - mirror_import_fob_usd) / nullif(reported_export_usd + mirror_import_fob_usd, 0) AS discrepancy
FROM ruled;

COMMENT ON TABLE intermediate.int_trade_mirror_flows IS 'Every Comtrade exporter-importer-product-year flow seen from both sides: the exporter''s reported export, the importer''s mirrored import (CIF and converted to FOB), the value the marts use and the discrepancy. Rule: value_usd is the reported export when the exporter reported the flow, else the mirror import / (1 + cif_fob_margin), unless the exporter declared exports to that importer in the same HS chapter in another vintage of the year (an unused mirror, value_usd NULL).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.source_kind IS 'Connector of both sides: comtrade (BACI flows are reconciled already and are not mirrored).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.hs_vintage IS 'HS vintage of product_code, the same on both sides (sides in different vintages are not matched: see value_basis).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.month IS 'Month 1-12 for monthly data, NULL for annual.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.exporter_key IS 'Exporter: ISO3, or <KIND>:<code> without one.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.exporter_iso3 IS 'Exporter ISO3; NULL for groupings without one.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.importer_key IS 'Importer: ISO3, or <KIND>:<code> without one.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.importer_iso3 IS 'Importer ISO3; NULL for groupings without one.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.product_code IS 'Product code (HS6, shorter levels, or TOTAL) as published.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.product_level IS 'Digits of product_code (2, 4, 6), 0 for TOTAL.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.export_source_ids IS 'Source(s) of the exporter''s side; NULL when the exporter did not report the flow.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.import_source_ids IS 'Source(s) of the importer''s side; NULL when the importer did not report it.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.reported_export_usd IS 'X: export value reported by the exporter (USD, FOB); NULL when not reported.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.reported_export_kg IS 'Net weight reported by the exporter (kg); NULL when unknown.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.mirror_import_cif_usd IS 'M: import value reported by the importer (USD, CIF); NULL when not reported.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.mirror_import_fob_usd IS 'M / (1 + cif_fob_margin): the importer''s value converted to FOB (USD).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.mirror_import_kg IS 'Net weight reported by the importer (kg); NULL when unknown.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.cif_fob_margin IS 'CIF/FOB margin used (ref.settings.cif_fob_margin; 0.08 by default, as Open Trade Statistics).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.value_usd IS 'Value the marts use (USD, FOB): reported_export_usd when present, else mirror_import_fob_usd; NULL for an unused mirror (the exporter declared that chapter to that importer in another HS vintage: counting the import too would count the goods twice).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.quantity_kg IS 'Quantity the marts use (kg): from the same side as value_usd; NULL when that side has none, and for an unused mirror.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.value_basis IS 'Where value_usd comes from: reported (exporter''s declaration), mirror (importer''s declaration converted to FOB), or unused mirror (the exporter declared the same HS chapter to that importer in another vintage; value_usd NULL).';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.other_quantity_unit IS 'Comtrade''s quantity unit (qtyUnitAbbr: u, l, m2, ...) of the side value_usd comes from, when that side gives a quantity but no net weight: a quantity that does not convert to kg (marts.unit_value_checks, reason quantity_unit_not_kg); NULL otherwise.';
COMMENT ON COLUMN intermediate.int_trade_mirror_flows.discrepancy IS '|X - M_fob| / (X + M_fob) with M_fob = mirror_import_fob_usd, between 0 (sides agree) and 1; NULL unless both sides reported.';
