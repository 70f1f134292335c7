-- Cross-source check: FAOSTAT's export quantity (TCL, intermediate.int_fao_trade) of each cluster's FAO items against
-- their production (QCL, intermediate.int_fao_production) in the cluster's country: the export share of production,
-- both in tonnes of the item as FAOSTAT counts it. A share above export_share_threshold (1 = 100%) cannot hold for a
-- country's own produce. One row per cluster and year where FAOSTAT has an export quantity; production NULL when FAOSTAT
-- has none. Sums run over the items that have the figure (compared names items lacking one). Reasons:
--   fao_estimate_flag  the export quantity or the production figure is not official (flag other than A or blank)
--   re_exports         the country reported re-exports (Comtrade RX) of the items' HS products that year: exported,
--                      not produced
-- Rows in the shape of marts.source_reconciliation.
-- config: partition_by=year
WITH cluster_items AS (
    SELECT c.cluster_id, c.country_iso3, i.item_code
    FROM ref.clusters AS c JOIN ref.cluster_fao_items AS i USING (cluster_id)
),
items AS (
    SELECT k.cluster_id, t.year, k.item_code, t.export_qty_t, p.production_t, t.source_id AS trade_source, p.source_id AS production_source,
           CASE WHEN t.export_qty_flag NOT IN ('A', '') THEN k.item_code || ' export quantity ' || t.export_qty_flag END AS export_flag,
           CASE WHEN p.production_flag NOT IN ('A', '') THEN k.item_code || ' production ' || p.production_flag END   AS production_flag
    FROM cluster_items AS k
    JOIN intermediate.int_fao_trade AS t ON t.area_iso3 = k.country_iso3 AND t.item_code_fao = k.item_code
    LEFT JOIN intermediate.int_fao_production AS p
           ON p.area_iso3 = k.country_iso3 AND p.item_code_fao = k.item_code AND p.year = t.year
    WHERE t.export_qty_t IS NOT NULL
),
shares AS (
    SELECT cluster_id, year,
           sum(export_qty_t::DECIMAL(18, 3))                                                      AS export_qty_t,
           sum(production_t::DECIMAL(18, 3))                                                      AS production_t,
           string_agg(DISTINCT trade_source, ', ' ORDER BY trade_source)                          AS trade_sources,
           string_agg(DISTINCT production_source, ', ' ORDER BY production_source)                AS production_sources,
           string_agg(item_code::VARCHAR, ', ' ORDER BY item_code)                                AS items,
           string_agg(item_code::VARCHAR, ', ' ORDER BY item_code) FILTER (WHERE production_t IS NULL) AS items_without_production,
           nullif(concat_ws(', ', string_agg(export_flag, ', ' ORDER BY item_code),
                                  string_agg(production_flag, ', ' ORDER BY item_code)), '')      AS flags
    FROM items
    GROUP BY ALL
)
SELECT
    s.cluster_id,
    s.year,
    'export_share_of_production'                                                        AS check_name,
    't'                                                                                 AS unit,
    'FAOSTAT TCL export quantity (' || s.trade_sources || ')'                           AS left_source,
    s.export_qty_t                                                                      AS left_value,
    'FAOSTAT QCL production (' || coalesce(s.production_sources, 'none') || ')'         AS right_source,
    s.production_t                                                                      AS right_value,
    'share'                                                                             AS gap_measure,
    getvariable('export_share_threshold')::DOUBLE                                       AS threshold,
    nullif(concat_ws(', ',
        CASE WHEN s.flags IS NOT NULL THEN 'fao_estimate_flag' END,
        CASE WHEN r.re_export_usd > 0 THEN 're_exports' END), '')                      AS reason_code,
    nullif(concat_ws('; ',
        CASE WHEN s.flags IS NOT NULL THEN 'FAOSTAT figure not official, item, figure and flag: ' || s.flags END,
        CASE WHEN r.re_export_usd > 0
             THEN 'the country reported re-exports of ' || r.re_export_usd || ' USD: exported but not produced there' END), '') AS reason_detail,
    'FAO items ' || s.items
        || coalesce('; without production: ' || s.items_without_production, '')        AS compared,
    NULL::VARCHAR                                                                       AS largest_partner_gaps
FROM shares AS s
LEFT JOIN intermediate.int_cluster_re_exports AS r ON r.cluster_id = s.cluster_id AND r.year = s.year AND r.product_set = 'fao items';

COMMENT ON TABLE intermediate.int_reconcile_export_share IS 'Cross-source check rows: FAOSTAT export quantity of each cluster''s FAO items against FAOSTAT production in its country (export share of production), flagged above export_share_threshold (marts.source_reconciliation).';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.check_name IS 'export_share_of_production.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.unit IS 't (tonnes of the FAO item).';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.left_source IS 'FAOSTAT TCL and the source(s) of the export quantity.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.left_value IS 'FAOSTAT export quantity (t) of the cluster''s items in its country, summed over the items that have one.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.right_source IS 'FAOSTAT QCL and the source(s) of the production figure (intermediate.int_fao_production).';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.right_value IS 'FAOSTAT production (t) of those items; NULL when FAOSTAT has none for the year.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.gap_measure IS 'share: left / right, the export share of production.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.threshold IS 'export_share_threshold (ref.settings, 1 = 100%).';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.reason_code IS 'Known causes that apply (comma-separated): fao_estimate_flag, re_exports; NULL when none.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.reason_detail IS 'The facts behind each reason code (items, figures and flags; re-export value).';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.compared IS 'The FAO items compared, and those without a production figure.';
COMMENT ON COLUMN intermediate.int_reconcile_export_share.largest_partner_gaps IS 'NULL (partners are compared by the mirror check only).';
