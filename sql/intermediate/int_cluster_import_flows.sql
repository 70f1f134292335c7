-- The cluster country's imports of the cluster's products (FOB, as the exporters' side gives them), per year, from
-- the year's trade basis: the other side of the cluster's trade balance. A cluster-year has a row only when the basis
-- holds some import of the country, of any product (BACI: flows to it; Comtrade: its own import declarations or
-- others' exports to it): then imports of the cluster's products it does not show are 0. Without any, the country's
-- imports were not loaded (a Comtrade extract of its exports alone) and the trade balance is unknown, not X - 0.
-- config: partition_by=year
WITH flows AS (
    SELECT year, source_kind, hs_vintage, partner_key AS importer_key, product_code, value_usd
    FROM staging.stg_trade_flows
    WHERE source_kind = 'baci' AND flow = 'X' AND month IS NULL
    UNION ALL
    SELECT year, source_kind, hs_vintage, importer_key, product_code, value_usd
    FROM intermediate.int_trade_mirror_flows
    WHERE month IS NULL AND value_basis <> 'unused mirror'
)
SELECT c.cluster_id, f.year,
       coalesce(sum(f.value_usd::DECIMAL(18, 2)) FILTER (WHERE p.cluster_id IS NOT NULL), 0) AS import_value_usd,
       count(*)                                                                             AS import_flows_any_product
FROM ref.clusters AS c
JOIN flows AS f ON f.importer_key = c.country_iso3
JOIN intermediate.int_trade_basis AS b
  ON b.year = f.year AND b.source_kind = f.source_kind AND b.hs_vintage = f.hs_vintage
LEFT JOIN intermediate.int_cluster_products AS p
  ON p.cluster_id = c.cluster_id AND p.hs_vintage = f.hs_vintage AND p.product_code = f.product_code
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_import_flows IS 'Imports of each cluster''s products into its country, per year, from the year''s trade basis (valued FOB); a row only where the basis holds some import of the country (of any product), so a missing row means its imports were not loaded.';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.import_value_usd IS 'Import value of the cluster''s products (USD, FOB), exact to the cent; 0 when the country''s imports were loaded but hold none of them.';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.import_flows_any_product IS 'Import flows of the country in the year''s basis, any product (TOTAL rows included): what says its imports were loaded.';
