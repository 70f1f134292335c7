-- The cluster country's imports of the cluster's products (FOB, as the exporters' side gives them), per year, from
-- the year's trade basis: the other side of the cluster's trade balance.
-- config: partition_by=year
WITH flows AS (
    SELECT year, source_kind, hs_vintage, partner_key AS importer_key, product_code, value_usd
    FROM staging.stg_trade_flows
    WHERE source_kind = 'baci' AND flow = 'X' AND month IS NULL
    UNION ALL
    SELECT year, source_kind, hs_vintage, importer_key, product_code, value_usd
    FROM intermediate.int_trade_mirror_flows
    WHERE month IS NULL
)
SELECT c.cluster_id, f.year, sum(f.value_usd::DECIMAL(18, 2)) AS import_value_usd
FROM ref.clusters AS c
JOIN intermediate.int_cluster_products AS p USING (cluster_id)
JOIN flows AS f
  ON f.hs_vintage = p.hs_vintage AND f.product_code = p.product_code AND f.importer_key = c.country_iso3
JOIN intermediate.int_trade_basis AS b
  ON b.year = f.year AND b.source_kind = f.source_kind AND b.hs_vintage = f.hs_vintage
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_import_flows IS 'Imports of each cluster''s products into its country, per year, from the year''s trade basis (valued FOB).';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_import_flows.import_value_usd IS 'Import value (USD, FOB), exact to the cent.';
