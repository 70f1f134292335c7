-- Cross-source check: FAOSTAT's exports (TCL) of each cluster's FAO items against the trade basis of the year (BACI or
-- Comtrade, intermediate.int_country_product_exports) in the HS products that hold those items
-- (intermediate.int_fao_item_products), by value (USD) and by quantity (tonnes). One row per cluster, year and measure
-- where FAOSTAT has the figure; the trade side is NULL when the year's trade data hold none of the products (not
-- covered), and 0 when they hold them but the cluster's country exported none. Reasons that can explain a gap
-- (docs/indicators.md, "Cross-source checks"):
--   fao_estimate_flag  a FAOSTAT figure compared is not official (flag other than A or blank: E, I, X ...)
--   product_coverage   an HS product also holds other FAO items' goods, or the concordance split or merged its code
--   re_exports         the country reported re-exports (Comtrade RX) of the products that year: FAOSTAT counts them
--   quantity_unit      (quantity) part of the trade value has no net weight in kg (quantity in another unit, or none)
-- Rows in the shape of marts.source_reconciliation, which computes ratio, gap, gap index and flag.
-- config: partition_by=year
WITH cluster_items AS (
    SELECT c.cluster_id, c.country_iso3, i.item_code
    FROM ref.clusters AS c JOIN ref.cluster_fao_items AS i USING (cluster_id)
),
fao AS (
    SELECT k.cluster_id, t.year,
           sum(t.export_value_usd::DECIMAL(18, 2))                                        AS value_usd,
           sum(t.export_qty_t::DECIMAL(18, 3))                                            AS qty_t,
           string_agg(DISTINCT t.source_id, ', ' ORDER BY t.source_id)                    AS source_ids,
           string_agg(DISTINCT t.item_code_fao::VARCHAR, ', ' ORDER BY t.item_code_fao::VARCHAR) AS items,
           string_agg(t.item_code_fao || ' ' || t.export_value_flag, ', ' ORDER BY t.item_code_fao)
               FILTER (WHERE t.export_value_flag NOT IN ('A', ''))                         AS value_flags,
           string_agg(t.item_code_fao || ' ' || t.export_qty_flag, ', ' ORDER BY t.item_code_fao)
               FILTER (WHERE t.export_qty_flag NOT IN ('A', ''))                           AS qty_flags
    FROM cluster_items AS k
    JOIN intermediate.int_fao_trade AS t ON t.area_iso3 = k.country_iso3 AND t.item_code_fao = k.item_code
    GROUP BY ALL
),
products AS (          -- the cluster's items' HS products, once each
    SELECT k.cluster_id, k.country_iso3, p.hs_vintage, p.product_code,
           bool_or(p.resolved_by <> 'same code')                                          AS resolved_by_concordance,
           string_agg(DISTINCT p.shared_with, '; ' ORDER BY p.shared_with)               AS shared_with
    FROM cluster_items AS k
    JOIN intermediate.int_fao_item_products AS p USING (item_code)
    GROUP BY ALL
),
trade AS (             -- the year's basis: the country's exports of the products; NULL when nobody exported them
    SELECT p.cluster_id, e.year,
           coalesce(sum(e.export_value_usd) FILTER (WHERE e.exporter_key = p.country_iso3), 0)         AS value_usd,
           CASE WHEN count(*) FILTER (WHERE e.exporter_key = p.country_iso3) = 0 THEN 0
                ELSE sum(e.export_qty_kg) FILTER (WHERE e.exporter_key = p.country_iso3) / 1000 END    AS qty_t,
           coalesce(sum(e.export_value_with_qty_usd) FILTER (WHERE e.exporter_key = p.country_iso3), 0) AS value_with_qty_usd,
           string_agg(DISTINCT p.hs_vintage || ' ' || p.product_code, ', ' ORDER BY p.hs_vintage || ' ' || p.product_code)
               FILTER (WHERE e.exporter_key = p.country_iso3)                                          AS products_exported,
           string_agg(DISTINCT p.hs_vintage || ' ' || p.product_code || ' also holds ' || p.shared_with, '; '
                      ORDER BY p.hs_vintage || ' ' || p.product_code || ' also holds ' || p.shared_with)
               FILTER (WHERE p.shared_with IS NOT NULL)                                                AS shared,
           string_agg(DISTINCT p.hs_vintage || ' ' || p.product_code, ', ' ORDER BY p.hs_vintage || ' ' || p.product_code)
               FILTER (WHERE p.resolved_by_concordance)                                                AS split_or_merged
    FROM products AS p
    JOIN intermediate.int_country_product_exports AS e USING (hs_vintage, product_code)
    GROUP BY ALL
),
basis AS (
    SELECT year, string_agg(source_kind || ' ' || hs_vintage, ', ' ORDER BY source_kind, hs_vintage) AS trade_basis
    FROM intermediate.int_trade_basis
    GROUP BY year
),
joined AS (
    SELECT f.*, t.value_usd AS trade_value_usd, t.qty_t AS trade_qty_t, t.value_with_qty_usd, t.products_exported,
           t.shared, t.split_or_merged, b.trade_basis, r.re_export_usd
    FROM fao AS f
    LEFT JOIN trade AS t USING (cluster_id, year)
    LEFT JOIN basis AS b ON b.year = f.year AND t.cluster_id IS NOT NULL
    LEFT JOIN intermediate.int_cluster_re_exports AS r ON r.cluster_id = f.cluster_id AND r.year = f.year AND r.product_set = 'fao items'
),
measures AS (
    SELECT *, 'fao_trade_value' AS check_name, 'USD' AS unit, value_usd AS left_value, trade_value_usd::DOUBLE AS right_value,
           value_flags AS flags, NULL::DOUBLE AS value_without_qty_share
    FROM joined WHERE value_usd IS NOT NULL
    UNION ALL
    SELECT *, 'fao_trade_quantity', 't', qty_t, trade_qty_t::DOUBLE, qty_flags,
           (1 - value_with_qty_usd / nullif(trade_value_usd, 0))::DOUBLE
    FROM joined WHERE qty_t IS NOT NULL
)
SELECT
    cluster_id,
    year,
    check_name,
    unit,
    'FAOSTAT TCL (' || source_ids || ')'                                              AS left_source,
    left_value,
    'trade basis (' || coalesce(trade_basis, 'none covering the products') || ')'     AS right_source,
    right_value,
    'discrepancy'                                                                     AS gap_measure,
    getvariable('fao_trade_discrepancy_threshold')::DOUBLE                                   AS threshold,
    nullif(concat_ws(', ',
        CASE WHEN flags IS NOT NULL THEN 'fao_estimate_flag' END,
        CASE WHEN shared IS NOT NULL OR split_or_merged IS NOT NULL THEN 'product_coverage' END,
        CASE WHEN re_export_usd > 0 THEN 're_exports' END,
        CASE WHEN value_without_qty_share > 0 THEN 'quantity_unit' END), '')         AS reason_code,
    nullif(concat_ws('; ',
        CASE WHEN flags IS NOT NULL THEN 'FAOSTAT figure not official, item and flag: ' || flags END,
        CASE WHEN shared IS NOT NULL THEN 'HS product shared with other FAO items: ' || shared END,
        CASE WHEN split_or_merged IS NOT NULL THEN 'HS code split or merged by the concordance: ' || split_or_merged END,
        CASE WHEN re_export_usd > 0 THEN 'the country reported re-exports of ' || re_export_usd || ' USD, which FAOSTAT counts as exports' END,
        CASE WHEN value_without_qty_share > 0
             THEN round(100 * value_without_qty_share, 1) || '% of the trade value has no net weight in kg' END), '') AS reason_detail,
    'FAO items ' || items || '; ' || CASE WHEN trade_basis IS NULL THEN 'no trade data of the year holds their HS products'
                                          ELSE 'HS products the country exported: ' || coalesce(products_exported, 'none') END AS compared,
    NULL::VARCHAR                                                                     AS largest_partner_gaps
FROM measures;

COMMENT ON TABLE intermediate.int_reconcile_fao_trade IS 'Cross-source check rows: FAOSTAT TCL exports of each cluster''s FAO items against the year''s trade basis (BACI or Comtrade) in the HS products holding them, by value and quantity, with the reasons that can explain a gap (marts.source_reconciliation).';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.check_name IS 'fao_trade_value (USD) or fao_trade_quantity (tonnes).';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.unit IS 'Unit of left_value and right_value: USD or t.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.left_source IS 'FAOSTAT TCL and the source(s) the figures come from.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.left_value IS 'FAOSTAT export value (USD) or quantity (t) of the cluster''s FAO items in its country, summed over the items.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.right_source IS 'The year''s trade basis (intermediate.int_trade_basis), or none covering the products.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.right_value IS 'The country''s exports of the items'' HS products in the trade basis: value USD (FOB) or known quantity (t); 0 when the basis holds the products but the country exported none; NULL when the basis holds none of them, and for the quantity when none of the country''s flows has a known weight.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.gap_measure IS 'discrepancy: |left - right| / (left + right).';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.threshold IS 'fao_trade_discrepancy_threshold (ref.settings).';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.reason_code IS 'Known causes of a gap that apply (comma-separated): fao_estimate_flag, product_coverage, re_exports, quantity_unit; NULL when none.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.reason_detail IS 'The facts behind each reason code (flags, shared or split HS codes, re-export value, share of value without weight).';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.compared IS 'What was compared: the FAO items and the HS products the country exported.';
COMMENT ON COLUMN intermediate.int_reconcile_fao_trade.largest_partner_gaps IS 'NULL (partners are compared by the mirror check only).';
