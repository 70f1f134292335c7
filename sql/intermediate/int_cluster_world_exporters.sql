-- World supply of each cluster's products per year: how concentrated the world's exporters of those products are (HHI)
-- and where the cluster's country ranks among them.
-- config: partition_by=year
WITH exporter_values AS (
    SELECT p.cluster_id, e.year, e.exporter_key, sum(e.export_value_usd) AS value_usd
    FROM intermediate.int_cluster_products AS p
    JOIN intermediate.int_country_product_exports AS e ON e.hs_vintage = p.hs_vintage AND e.product_code = p.product_code
    GROUP BY ALL HAVING sum(e.export_value_usd) > 0
),
exporter_ranks AS (
    SELECT *, rank() OVER (PARTITION BY cluster_id, year ORDER BY value_usd DESC) AS world_rank
    FROM exporter_values
)
SELECT s.cluster_id, s.year, sum(s.value_usd * s.value_usd) / (sum(s.value_usd) * sum(s.value_usd)) AS exporter_hhi_world,
       min(s.world_rank) FILTER (WHERE s.exporter_key = c.country_iso3) AS cluster_rank_world
FROM exporter_ranks AS s JOIN ref.clusters AS c ON c.cluster_id = s.cluster_id
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_world_exporters IS 'World exporters of each cluster''s products per year (every exporter, intermediate.int_country_product_exports): their HHI and the rank of the cluster''s country.';
COMMENT ON COLUMN intermediate.int_cluster_world_exporters.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_world_exporters.year IS 'Year of the trade data.';
COMMENT ON COLUMN intermediate.int_cluster_world_exporters.exporter_hhi_world IS 'HHI of exporters in world exports of the cluster''s products.';
COMMENT ON COLUMN intermediate.int_cluster_world_exporters.cluster_rank_world IS 'Rank of the cluster''s country among world exporters of its products (1 = largest; ties share a rank: 1, 2, 2, 4); NULL when it exported none.';
