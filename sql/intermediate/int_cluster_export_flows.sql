-- The cluster country's exports of the cluster's products, by importer and product.
CREATE TABLE intermediate.int_cluster_export_flows AS
SELECT
    c.cluster_id,
    f.year,
    f.importer_key,
    f.product_code,
    f.value_usd,
    f.quantity_kg
FROM ref.clusters AS c
JOIN intermediate.int_cluster_products AS p USING (cluster_id)
JOIN staging.stg_trade_flows AS f
  ON f.hs_vintage = p.hs_vintage
 AND f.product_code = p.product_code
 AND f.exporter_key = c.country_iso3
 AND f.flow = 'X';

COMMENT ON TABLE intermediate.int_cluster_export_flows IS 'Export flows of each cluster: its country''s exports of its products, one row per year, importer and product.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.importer_key IS 'Destination ISO3 (or <KIND>:<code>).';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.value_usd IS 'Export value (USD, FOB).';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.quantity_kg IS 'Export quantity (kg); NULL when unknown.';
