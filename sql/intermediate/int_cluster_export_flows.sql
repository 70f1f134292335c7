-- The cluster country's exports of the cluster's products, by importer and product, from the year's trade basis.
CREATE TABLE intermediate.int_cluster_export_flows AS
SELECT
    c.cluster_id,
    f.year,
    f.hs_vintage,
    f.importer_key,
    f.product_code,
    f.value_usd,
    f.quantity_kg,
    f.value_basis
FROM ref.clusters AS c
JOIN intermediate.int_cluster_products AS p USING (cluster_id)
JOIN staging.stg_trade_mirror_flows AS f
  ON f.hs_vintage = p.hs_vintage
 AND f.product_code = p.product_code
 AND f.exporter_key = c.country_iso3
 AND f.month IS NULL
JOIN intermediate.int_trade_basis AS b
  ON b.year = f.year AND b.source_kind = f.source_kind AND b.hs_vintage = f.hs_vintage;

COMMENT ON TABLE intermediate.int_cluster_export_flows IS 'Export flows of each cluster: its country''s exports of its products, one row per year, importer and product, from the year''s trade basis.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.importer_key IS 'Destination ISO3 (or <KIND>:<code>).';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.value_usd IS 'Export value (USD, FOB): reported, or mirror (see value_basis).';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.quantity_kg IS 'Export quantity (kg); NULL when unknown.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.value_basis IS 'reconciled (BACI), reported (exporter) or mirror (importer, converted to FOB).';
