-- The cluster country's exports of the cluster's products, by importer and product, from the year's trade basis:
-- BACI flows read from the lake as they are, Comtrade flows through the mirror rule.
-- config: partition_by=year
WITH flows AS (
    SELECT year, source_kind, hs_vintage, reporter_key AS exporter_key, partner_key AS importer_key, product_code,
           value_usd, quantity_kg, 'reconciled' AS value_basis
    FROM staging.stg_trade_flows
    WHERE source_kind = 'baci' AND flow = 'X' AND month IS NULL
    UNION ALL
    SELECT year, source_kind, hs_vintage, exporter_key, importer_key, product_code, value_usd, quantity_kg, value_basis
    FROM intermediate.int_trade_mirror_flows
    WHERE month IS NULL AND value_basis <> 'unused mirror'
)
SELECT
    c.cluster_id,
    f.year,
    f.hs_vintage,
    f.importer_key,
    f.product_code,
    sum(f.value_usd::DECIMAL(18, 2))       AS value_usd,
    sum(f.quantity_kg::DECIMAL(18, 3))     AS quantity_kg,
    f.value_basis
FROM ref.clusters AS c
JOIN intermediate.int_cluster_products AS p USING (cluster_id)
JOIN flows AS f
  ON f.hs_vintage = p.hs_vintage
 AND f.product_code = p.product_code
 AND f.exporter_key = c.country_iso3
JOIN intermediate.int_trade_basis AS b
  ON b.year = f.year AND b.source_kind = f.source_kind AND b.hs_vintage = f.hs_vintage
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_export_flows IS 'Export flows of each cluster: its country''s exports of its products, one row per year, importer and product, from the year''s trade basis.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.importer_key IS 'Destination ISO3 (or <KIND>:<code>).';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.product_code IS 'HS6 product code.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.value_usd IS 'Export value (USD, FOB): reconciled, reported, or mirror (see value_basis), exact to the cent.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.quantity_kg IS 'Export quantity (kg); NULL when unknown.';
COMMENT ON COLUMN intermediate.int_cluster_export_flows.value_basis IS 'reconciled (BACI), reported (exporter) or mirror (importer, converted to FOB).';
