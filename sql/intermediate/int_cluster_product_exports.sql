-- Each cluster's products one by one, per year: the cluster country's exports of the product, every exporter's, and
-- the other exporters' (value, known quantity and the value of the flows with a known quantity), from the year's trade
-- basis (intermediate.int_country_product_exports). The product is intermediate.int_cluster_products.product_key, the
-- same goods in every HS vintage, so a year with several Comtrade vintages adds them up and a vintage switch between
-- two years compares like with like. The base of the per-product indicators: the relative unit value
-- (marts.cluster_exports) and the export decomposition (marts.cluster_export_decomposition), see docs/indicators.md.
-- Sums are exact (DECIMAL).
-- config: partition_by=year
SELECT
    p.cluster_id,
    e.year,
    p.product_key,
    string_agg(DISTINCT e.hs_vintage || ' ' || e.product_code, ', ' ORDER BY e.hs_vintage || ' ' || e.product_code) AS hs_codes,
    coalesce(sum(e.export_value_usd) FILTER (WHERE e.exporter_key = c.country_iso3), 0)       AS export_value_usd,
    sum(e.export_qty_kg) FILTER (WHERE e.exporter_key = c.country_iso3)                       AS export_qty_kg,
    sum(e.export_value_with_qty_usd) FILTER (WHERE e.exporter_key = c.country_iso3)           AS export_value_with_qty_usd,
    sum(e.export_value_usd)                                                                   AS world_value_usd,
    sum(e.export_qty_kg)                                                                      AS world_qty_kg,
    sum(e.export_qty_kg) FILTER (WHERE e.exporter_key <> c.country_iso3)                      AS others_qty_kg,
    sum(e.export_value_with_qty_usd) FILTER (WHERE e.exporter_key <> c.country_iso3)          AS others_value_with_qty_usd
FROM intermediate.int_cluster_products AS p
JOIN ref.clusters AS c ON c.cluster_id = p.cluster_id
JOIN intermediate.int_country_product_exports AS e ON e.hs_vintage = p.hs_vintage AND e.product_code = p.product_code
GROUP BY p.cluster_id, e.year, p.product_key;

COMMENT ON TABLE intermediate.int_cluster_product_exports IS 'Each cluster''s products (product_key: the same goods in every HS vintage) per year: the cluster country''s exports, the world''s and the other exporters'', from the year''s trade basis. Base of the relative unit value and the export decomposition.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.product_key IS 'The product (intermediate.int_cluster_products.product_key): a ref.hs_concordance group, else an HS6 code.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.hs_codes IS 'The HS codes of the product found in the year''s trade data, as <vintage> <code>, comma-separated.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.export_value_usd IS 'X_cp: the cluster country''s exports of the product, USD (0 when it exported none), exact.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.export_qty_kg IS 'Q_cp: known, non-zero quantity of those exports, kg; NULL when none is known.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.export_value_with_qty_usd IS 'Value of the country''s flows with a known quantity, USD: the numerator of its unit value.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.world_value_usd IS 'Every exporter''s exports of the product, USD.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.world_qty_kg IS 'Qw_p: known quantity of every exporter''s exports of the product, kg; NULL when none is known.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.others_qty_kg IS 'Known quantity of the other exporters'' exports of the product (all but the cluster''s country), kg.';
COMMENT ON COLUMN intermediate.int_cluster_product_exports.others_value_with_qty_usd IS 'Value of the other exporters'' flows with a known quantity, USD: with others_qty_kg, their unit value.';
