-- The HS6 codes each cluster covers in every HS vintage of the trade data: the cluster's codes (written in
-- its own vintage) carried into the data's vintage through ref.hs_concordance where a subheading was split
-- or merged (HS92 030212 -> HS12 030213, 030214), unchanged otherwise, then every product code of the data
-- starting with one of them. A product selected by two of the cluster's codes (0403 and 040310) counts once.
-- Any change of the trade data's products rebuilds it (it is small); models downstream see only real changes.
WITH data_products AS (
    SELECT DISTINCT hs_vintage, product_code FROM intermediate.int_trade_products
),
data_vintages AS (
    SELECT DISTINCT hs_vintage FROM data_products
),
codes_in_vintage AS (
    SELECT c.cluster_id, h.hs_code AS cluster_code, v.hs_vintage, h.hs_code AS code, 'same code' AS resolved_by
    FROM ref.clusters AS c
    JOIN ref.cluster_hs_codes AS h USING (cluster_id)
    CROSS JOIN data_vintages AS v
    WHERE NOT EXISTS (SELECT 1 FROM ref.hs_concordance AS k
                      WHERE k.from_vintage = c.hs_vintage AND k.from_code = h.hs_code AND k.to_vintage = v.hs_vintage)
    UNION ALL
    SELECT c.cluster_id, h.hs_code, k.to_vintage, k.to_code, 'concordance ' || k.concept
    FROM ref.clusters AS c
    JOIN ref.cluster_hs_codes AS h USING (cluster_id)
    JOIN ref.hs_concordance AS k ON k.from_vintage = c.hs_vintage AND k.from_code = h.hs_code
)
SELECT
    k.cluster_id,
    p.hs_vintage,
    p.product_code,
    min(k.cluster_code)                                     AS cluster_code,
    string_agg(DISTINCT k.resolved_by, ', ' ORDER BY k.resolved_by) AS resolved_by
FROM codes_in_vintage AS k
JOIN data_products AS p ON p.hs_vintage = k.hs_vintage AND starts_with(p.product_code, k.code)
GROUP BY k.cluster_id, p.hs_vintage, p.product_code;

COMMENT ON TABLE intermediate.int_cluster_products IS 'HS6 product codes each cluster covers in each HS vintage present in the trade data, resolved from the cluster''s own vintage through ref.hs_concordance.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_products.hs_vintage IS 'HS vintage of product_code (the data''s, not necessarily the cluster''s).';
COMMENT ON COLUMN intermediate.int_cluster_products.product_code IS 'HS6 product code in that vintage.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_code IS 'The cluster''s HS code (in the cluster''s vintage) that selected the product.';
COMMENT ON COLUMN intermediate.int_cluster_products.resolved_by IS 'same code (the code is unchanged between the vintages) or concordance <concept> (ref.hs_concordance).';
