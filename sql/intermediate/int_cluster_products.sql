-- The HS6 codes each cluster covers in every HS vintage of the trade data: the cluster's codes (written in
-- its own vintage) carried into the data's vintage through ref.hs_concordance where a subheading was split
-- or merged (HS92 030212 -> HS12 030213, 030214), unchanged otherwise, then every product code of the data
-- starting with one of them. A product selected by two of the cluster's codes (0403 and 040310) counts once.
-- product_key names the goods the same way in every vintage (the concordance group of a split or merged code, else the
-- code itself, which the concordance says is unchanged): the product of the per-product indicators (relative unit
-- value, export decomposition), so that HS92 030212 and HS17 030213 + 030214 are one product across a vintage switch.
-- primary_factor converts a kg of the product into kg of the cluster's FAO item (ref.primary_equivalents: the milk
-- equivalent of a dairy product), for the export share of production and the farm-gate share.
-- Any change of the trade data's products rebuilds it (it is small); models downstream see only real changes.
WITH data_products AS (
    SELECT DISTINCT hs_vintage, product_code FROM intermediate.int_trade_products
),
concepts AS (          -- the concordance group of each split or merged code, in its vintage
    SELECT from_vintage AS hs_vintage, from_code AS product_code, min(concept) AS concept
    FROM ref.hs_concordance
    GROUP BY ALL
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
    string_agg(DISTINCT k.resolved_by, ', ' ORDER BY k.resolved_by) AS resolved_by,
    coalesce(min(g.concept), p.product_code)                AS product_key,
    CASE WHEN NOT EXISTS (SELECT 1 FROM ref.cluster_fao_items AS i WHERE i.cluster_id = k.cluster_id) THEN NULL
         WHEN NOT EXISTS (SELECT 1 FROM ref.cluster_fao_items AS i JOIN ref.primary_equivalents AS e ON e.fao_item_code = i.item_code
                          WHERE i.cluster_id = k.cluster_id) THEN 1.0
         ELSE (SELECT arg_max(e.factor, length(e.hs_prefix) * 1000000 - e.fao_item_code)
               FROM ref.cluster_fao_items AS i JOIN ref.primary_equivalents AS e ON e.fao_item_code = i.item_code
               WHERE i.cluster_id = k.cluster_id AND starts_with(p.product_code, e.hs_prefix)) END::DECIMAL(9, 3) AS primary_factor
FROM codes_in_vintage AS k
JOIN data_products AS p ON p.hs_vintage = k.hs_vintage AND starts_with(p.product_code, k.code)
LEFT JOIN concepts AS g ON g.hs_vintage = p.hs_vintage AND g.product_code = p.product_code
GROUP BY k.cluster_id, p.hs_vintage, p.product_code;

COMMENT ON TABLE intermediate.int_cluster_products IS 'HS6 product codes each cluster covers in each HS vintage present in the trade data, resolved from the cluster''s own vintage through ref.hs_concordance.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_products.hs_vintage IS 'HS vintage of product_code (the data''s, not necessarily the cluster''s).';
COMMENT ON COLUMN intermediate.int_cluster_products.product_code IS 'HS6 product code in that vintage.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_code IS 'The cluster''s HS code (in the cluster''s vintage) that selected the product.';
COMMENT ON COLUMN intermediate.int_cluster_products.resolved_by IS 'same code (the code is unchanged between the vintages) or concordance <concept> (ref.hs_concordance).';
COMMENT ON COLUMN intermediate.int_cluster_products.product_key IS 'The product as the per-product indicators see it, the same in every vintage: the ref.hs_concordance group (concept) the code belongs to in its vintage, else the HS6 code itself (unchanged between vintages).';
COMMENT ON COLUMN intermediate.int_cluster_products.primary_factor IS 'kg of the cluster''s FAO item per kg of the product (ref.primary_equivalents, longest prefix: 7.6 kg of milk per kg of milk powder); 1 when the cluster''s items have no factors (the product is the item as produced); NULL for a product of an item with factors that none matches (whey), and for clusters without FAO items.';
