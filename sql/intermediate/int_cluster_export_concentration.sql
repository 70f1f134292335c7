-- Concentration of each cluster's exports per year: across its destinations (CR4) and its HS6 products (HHI), from exact
-- sums (sum of squared values over the squared total), so reruns give identical numbers.
-- config: partition_by=year
WITH partner_values AS (     -- the cluster's exports per destination (exact)
    SELECT cluster_id, year, importer_key, sum(value_usd) AS value_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL HAVING sum(value_usd) > 0
),
destinations AS (
    SELECT cluster_id, year, sum(value_usd) FILTER (WHERE rank <= 4) / sum(value_usd) AS destination_cr4
    FROM (SELECT *, row_number() OVER (PARTITION BY cluster_id, year ORDER BY value_usd DESC, importer_key) AS rank
          FROM partner_values)
    GROUP BY ALL
),
product_values AS (
    SELECT cluster_id, year, product_code, sum(value_usd) AS value_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL HAVING sum(value_usd) > 0
),
products AS (
    SELECT cluster_id, year, sum(value_usd * value_usd) / (sum(value_usd) * sum(value_usd)) AS product_hhi
    FROM product_values GROUP BY ALL
)
SELECT cluster_id, year, d.destination_cr4, p.product_hhi
FROM destinations AS d
FULL JOIN products AS p USING (cluster_id, year);

COMMENT ON TABLE intermediate.int_cluster_export_concentration IS 'Concentration of each cluster''s exports per year across destinations (CR4) and HS6 products (HHI), from intermediate.int_cluster_export_flows.';
COMMENT ON COLUMN intermediate.int_cluster_export_concentration.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_export_concentration.year IS 'Year of the trade data.';
COMMENT ON COLUMN intermediate.int_cluster_export_concentration.destination_cr4 IS 'Share of the four largest destinations in the cluster''s exports (ties broken by partner code).';
COMMENT ON COLUMN intermediate.int_cluster_export_concentration.product_hhi IS 'HHI of the cluster''s HS6 products in its exports.';
