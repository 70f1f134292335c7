-- The HS6 codes each cluster covers: the product codes of its vintage present in the trade data that
-- start with one of its HS codes (a code listed twice, as 0403 and 040310, counts once).
CREATE TABLE intermediate.int_cluster_products AS
SELECT DISTINCT
    c.cluster_id,
    c.hs_vintage,
    p.product_code
FROM ref.clusters AS c
JOIN ref.cluster_hs_codes AS h USING (cluster_id)
JOIN (SELECT DISTINCT hs_vintage, product_code FROM intermediate.int_country_product_exports) AS p
  ON p.hs_vintage = c.hs_vintage
 AND starts_with(p.product_code, h.hs_code);

COMMENT ON TABLE intermediate.int_cluster_products IS 'HS6 product codes selected by each cluster''s HS prefixes, in the cluster''s vintage.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_products.hs_vintage IS 'HS vintage of the code.';
COMMENT ON COLUMN intermediate.int_cluster_products.product_code IS 'HS6 product code of the cluster.';
