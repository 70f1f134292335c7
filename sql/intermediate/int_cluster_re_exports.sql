-- Re-exports each cluster's country reported (Comtrade flow RX, annual, to partners other than World), per year, of two
-- sets of HS products: those holding the cluster's FAO items (intermediate.int_fao_item_products, product_set
-- 'fao items') and the cluster's own HS products (intermediate.int_cluster_products, 'hs codes'). FAOSTAT's exports
-- include re-exports, and an importer may attribute re-exported goods to their origin: a reason a cross-source gap can
-- have (re_exports). BACI holds no re-exports; without Comtrade data the model is empty.
-- config: partition_by=year
WITH products AS (
    SELECT DISTINCT c.cluster_id, c.country_iso3, 'fao items' AS product_set, p.hs_vintage, p.product_code
    FROM ref.clusters AS c
    JOIN ref.cluster_fao_items AS i USING (cluster_id)
    JOIN intermediate.int_fao_item_products AS p USING (item_code)
    UNION ALL
    SELECT c.cluster_id, c.country_iso3, 'hs codes', p.hs_vintage, p.product_code
    FROM ref.clusters AS c
    JOIN intermediate.int_cluster_products AS p USING (cluster_id)
)
SELECT p.cluster_id, p.product_set, f.year, sum(f.value_usd::DECIMAL(18, 2)) AS re_export_usd
FROM products AS p
JOIN staging.stg_trade_flows AS f
  ON f.hs_vintage = p.hs_vintage AND f.product_code = p.product_code AND f.reporter_key = p.country_iso3
WHERE f.flow = 'RX' AND f.month IS NULL AND f.partner_iso3 IS DISTINCT FROM 'WLD'
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_re_exports IS 'Re-exports (Comtrade RX) each cluster''s country reported per year, of the HS products holding its FAO items and of its own HS products: a reason for cross-source gaps (marts.source_reconciliation).';
COMMENT ON COLUMN intermediate.int_cluster_re_exports.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_re_exports.product_set IS 'fao items (the HS products holding the cluster''s FAO items, intermediate.int_fao_item_products) or hs codes (the cluster''s HS products, intermediate.int_cluster_products).';
COMMENT ON COLUMN intermediate.int_cluster_re_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_re_exports.re_export_usd IS 'Re-export value (USD, FOB) summed over partners and products, exact to the cent.';
