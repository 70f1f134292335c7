-- The HS6 codes each cluster covers in every HS vintage of the trade data. In its own vintage, the data's codes that
-- start with one of the cluster's codes. In another vintage, the cluster's subheadings (a heading or chapter stands for
-- all of its subheadings in ref.products) are carried through ref.hs_concordance, the UNSD/WCO correlation tables
-- chained across editions: every code of the other vintage that holds some of their goods (HS92 030212 -> HS12 030213,
-- 030214). A subheading the tables do not list is taken as unchanged. A product selected by two of the cluster's codes
-- (0403 and 040310) counts once.
-- One-to-many and many-to-many links: the cluster's code set is carried to the whole group it belongs to. A product that
-- also holds goods of codes outside the cluster (HS17 030299, fish offal, holds goods of HS92 030212 salmon and of every
-- other fresh fish) is counted, and says so in mixed_with; marts.cluster_coverage lists these products and their value.
-- product_key names the goods the same way in every vintage: the cluster's own-vintage codes that some product of the
-- data links together (directly or through others) are one product, named by the smallest of them; the product of the
-- per-product indicators (relative unit value, export decomposition), so that HS92 030212 and HS17 030213 + 030214 are
-- one product across a vintage switch.
-- primary_factor converts a kg of the product into kg of the cluster's FAO item (ref.primary_equivalents: the milk
-- equivalent of a dairy product), for the export share of production and the farm-gate share.
-- Any change of the trade data's products rebuilds it (it is small); models downstream see only real changes.
WITH RECURSIVE data_products AS (
    SELECT DISTINCT hs_vintage, product_code FROM intermediate.int_trade_products
),
data_vintages AS (
    SELECT DISTINCT hs_vintage FROM data_products
),
cluster_codes AS (     -- each cluster code as the subheadings of its vintage it covers (itself without ref.products)
    SELECT DISTINCT c.cluster_id, c.hs_vintage AS cluster_vintage, h.hs_code AS cluster_code, coalesce(p.code, h.hs_code) AS source_code
    FROM ref.clusters AS c
    JOIN ref.cluster_hs_codes AS h USING (cluster_id)
    LEFT JOIN ref.products AS p ON p.hs_vintage = c.hs_vintage AND p.level = 6 AND starts_with(p.code, h.hs_code)
),
carried AS (           -- those subheadings in every other vintage of the data
    SELECT k.cluster_id, k.cluster_code, k.source_code, v.hs_vintage, k.source_code AS code, 'same code' AS resolved_by
    FROM cluster_codes AS k
    CROSS JOIN data_vintages AS v
    WHERE v.hs_vintage <> k.cluster_vintage
      AND NOT EXISTS (SELECT 1 FROM ref.hs_concordance AS x
                      WHERE x.from_vintage = k.cluster_vintage AND x.from_code = k.source_code AND x.to_vintage = v.hs_vintage)
    UNION ALL
    SELECT k.cluster_id, k.cluster_code, k.source_code, x.to_vintage, x.to_code,
           CASE WHEN x.relationship = '1:1' AND x.to_code = x.from_code THEN 'same code' ELSE 'concordance ' || x.relationship END
    FROM cluster_codes AS k
    JOIN ref.hs_concordance AS x ON x.from_vintage = k.cluster_vintage AND x.from_code = k.source_code
    WHERE x.to_vintage IN (SELECT hs_vintage FROM data_vintages)
),
matched AS (           -- the data's products they select, with the cluster subheading each comes from
    SELECT DISTINCT k.cluster_id, p.hs_vintage, p.product_code, k.cluster_code, p.product_code AS source_code, 'same code' AS resolved_by
    FROM cluster_codes AS k
    JOIN data_products AS p ON p.hs_vintage = k.cluster_vintage AND starts_with(p.product_code, k.cluster_code)
    UNION ALL
    SELECT k.cluster_id, p.hs_vintage, p.product_code, k.cluster_code, k.source_code, k.resolved_by
    FROM carried AS k
    JOIN data_products AS p ON p.hs_vintage = k.hs_vintage AND p.product_code = k.code
    UNION ALL
    SELECT k.cluster_id, p.hs_vintage, p.product_code, k.cluster_code, k.source_code, k.resolved_by
    FROM carried AS k
    JOIN data_products AS p ON p.hs_vintage = k.hs_vintage AND length(k.code) < 6 AND starts_with(p.product_code, k.code)
),
linked AS (            -- the cluster's subheadings that a product of the data holds together
    SELECT DISTINCT a.cluster_id, a.source_code, b.source_code AS other
    FROM matched AS a
    JOIN matched AS b ON b.cluster_id = a.cluster_id AND b.hs_vintage = a.hs_vintage AND b.product_code = a.product_code
),
reach(cluster_id, source_code, other) AS (
    SELECT cluster_id, source_code, other FROM linked
    UNION
    SELECT r.cluster_id, r.source_code, l.other
    FROM reach AS r
    JOIN linked AS l ON l.cluster_id = r.cluster_id AND l.source_code = r.other
),
product_keys AS (
    SELECT cluster_id, source_code, min(other) AS product_key FROM reach GROUP BY ALL
),
mixed AS (             -- products of another vintage that also hold goods of codes outside the cluster
    SELECT m.cluster_id, m.hs_vintage, m.product_code,
           string_agg(DISTINCT c.hs_vintage || ' ' || x.to_code, ', ' ORDER BY c.hs_vintage || ' ' || x.to_code) AS mixed_with
    FROM (SELECT DISTINCT cluster_id, hs_vintage, product_code FROM matched) AS m
    JOIN ref.clusters AS c ON c.cluster_id = m.cluster_id
    JOIN ref.hs_concordance AS x ON x.from_vintage = m.hs_vintage AND x.from_code = m.product_code AND x.to_vintage = c.hs_vintage
    WHERE NOT EXISTS (SELECT 1 FROM ref.cluster_hs_codes AS h
                      WHERE h.cluster_id = m.cluster_id AND starts_with(x.to_code, h.hs_code))
    GROUP BY ALL
)
SELECT
    m.cluster_id,
    m.hs_vintage,
    m.product_code,
    min(m.cluster_code)                                     AS cluster_code,
    string_agg(DISTINCT m.resolved_by, ', ' ORDER BY m.resolved_by) AS resolved_by,
    min(k.product_key)                                      AS product_key,
    min(x.mixed_with)                                       AS mixed_with,
    CASE WHEN NOT EXISTS (SELECT 1 FROM ref.cluster_fao_items AS i WHERE i.cluster_id = m.cluster_id) THEN NULL
         WHEN NOT EXISTS (SELECT 1 FROM ref.cluster_fao_items AS i JOIN ref.primary_equivalents AS e ON e.fao_item_code = i.item_code
                          WHERE i.cluster_id = m.cluster_id) THEN 1.0
         ELSE (SELECT arg_max(e.factor, length(e.hs_prefix) * 1000000 - e.fao_item_code)
               FROM ref.cluster_fao_items AS i JOIN ref.primary_equivalents AS e ON e.fao_item_code = i.item_code
               WHERE i.cluster_id = m.cluster_id AND starts_with(m.product_code, e.hs_prefix)) END::DECIMAL(9, 3) AS primary_factor
FROM matched AS m
JOIN product_keys AS k ON k.cluster_id = m.cluster_id AND k.source_code = m.source_code
LEFT JOIN mixed AS x ON x.cluster_id = m.cluster_id AND x.hs_vintage = m.hs_vintage AND x.product_code = m.product_code
GROUP BY m.cluster_id, m.hs_vintage, m.product_code;

COMMENT ON TABLE intermediate.int_cluster_products IS 'HS6 product codes each cluster covers in each HS vintage present in the trade data, carried from the cluster''s own vintage through ref.hs_concordance (the UNSD/WCO correlation tables chained across editions) to every code that holds some of its goods.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_products.hs_vintage IS 'HS vintage of product_code (the data''s, not necessarily the cluster''s).';
COMMENT ON COLUMN intermediate.int_cluster_products.product_code IS 'HS6 product code in that vintage.';
COMMENT ON COLUMN intermediate.int_cluster_products.cluster_code IS 'The cluster''s HS code (in the cluster''s vintage) that selected the product.';
COMMENT ON COLUMN intermediate.int_cluster_products.resolved_by IS 'same code (the cluster''s own vintage, or a code the correlation tables carry unchanged), or concordance 1:n / n:1 / n:n (split, merged, or both, between the cluster''s vintage and this one: ref.hs_concordance.relationship); several, comma-separated, when two of the cluster''s codes select the product differently.';
COMMENT ON COLUMN intermediate.int_cluster_products.product_key IS 'The product as the per-product indicators see it, the same in every vintage: the smallest of the cluster''s own-vintage subheadings that products of the data link together (HS92 030212 for HS12/HS17 030213 and 030214), else the code itself.';
COMMENT ON COLUMN intermediate.int_cluster_products.mixed_with IS 'Codes of the cluster''s vintage outside the cluster whose goods this product also holds (vintage and code, comma-separated): the product is counted for the cluster but mixes its goods with others (marts.cluster_coverage.mixed_hs_codes). NULL when the product holds the cluster''s goods only.';
COMMENT ON COLUMN intermediate.int_cluster_products.primary_factor IS 'kg of the cluster''s FAO item per kg of the product (ref.primary_equivalents, longest prefix: 7.6 kg of milk per kg of milk powder); 1 when the cluster''s items have no factors (the product is the item as produced); NULL for a product of an item with factors that none matches (whey), and for clusters without FAO items.';
