-- The HS6 products of the trade data that hold each of the clusters' FAO items, per HS vintage of the data, through
-- ref.fao_items (FAOSTAT's item -> HS correspondence, given in HS 2007 and HS 2012): the HS07 list for data in HS92 to
-- HS07, the HS12 list for HS12 and later (the other list when the item has only one), each code carried into the data's
-- vintage through ref.hs_concordance (a code without rows there is unchanged) and matched to the data's HS6 codes by
-- prefix. The FAOSTAT-against-trade checks (intermediate.int_reconcile_fao_trade) compare the item with these products.
-- A product's goods may not be the item's alone: shared_with names the other FAO items listing the same HS code, and
-- resolved_by says when the concordance split or merged the code (reason 'different product coverage').
WITH data_vintages AS (
    SELECT DISTINCT hs_vintage FROM intermediate.int_trade_products
),
item_lists AS (
    SELECT item_code, hs_vintage AS fao_hs_vintage, hs_code AS fao_hs_code
    FROM ref.fao_items
    WHERE hs_vintage IN ('HS07', 'HS12') AND item_code IN (SELECT item_code FROM ref.cluster_fao_items)
),
chosen AS (      -- per item and data vintage, the FAO list to carry
    SELECT DISTINCT i.item_code, v.hs_vintage, i.fao_hs_vintage
    FROM item_lists AS i CROSS JOIN data_vintages AS v
    QUALIFY dense_rank() OVER (PARTITION BY i.item_code, v.hs_vintage ORDER BY
        i.fao_hs_vintage = CASE WHEN v.hs_vintage IN ('HS92', 'HS96', 'HS02', 'HS07') THEN 'HS07' ELSE 'HS12' END DESC) = 1
),
carried AS (
    SELECT c.item_code, c.hs_vintage, l.fao_hs_vintage, l.fao_hs_code, coalesce(x.to_code, l.fao_hs_code) AS code,
           CASE WHEN x.to_code IS NULL OR (x.relationship = '1:1' AND x.to_code = x.from_code) THEN 'same code'
                ELSE 'concordance ' || x.relationship END AS resolved_by
    FROM chosen AS c
    JOIN item_lists AS l ON l.item_code = c.item_code AND l.fao_hs_vintage = c.fao_hs_vintage
    LEFT JOIN ref.hs_concordance AS x
           ON x.from_vintage = l.fao_hs_vintage AND x.from_code = l.fao_hs_code AND x.to_vintage = c.hs_vintage
),
shared AS (      -- other FAO items listing the same HS code in the same list
    SELECT l.item_code, l.fao_hs_vintage, l.fao_hs_code,
           string_agg(DISTINCT o.item_code || ' ' || o.item_name, ', ' ORDER BY o.item_code || ' ' || o.item_name) AS shared_with
    FROM item_lists AS l
    JOIN ref.fao_items AS o
      ON o.hs_vintage = l.fao_hs_vintage AND o.hs_code = l.fao_hs_code AND o.item_code <> l.item_code
    GROUP BY ALL
)
SELECT DISTINCT
    k.item_code,
    k.hs_vintage,
    p.product_code,
    k.fao_hs_vintage,
    k.fao_hs_code,
    k.resolved_by,
    s.shared_with
FROM carried AS k
JOIN (SELECT DISTINCT hs_vintage, product_code FROM intermediate.int_trade_products) AS p
  ON p.hs_vintage = k.hs_vintage AND starts_with(p.product_code, k.code)
LEFT JOIN shared AS s
       ON s.item_code = k.item_code AND s.fao_hs_vintage = k.fao_hs_vintage AND s.fao_hs_code = k.fao_hs_code;

COMMENT ON TABLE intermediate.int_fao_item_products IS 'HS6 products of the trade data (per HS vintage) that hold each of the clusters'' FAO items: FAOSTAT''s item -> HS correspondence (ref.fao_items, HS07 list for HS92-HS07 data, HS12 list for later), carried through ref.hs_concordance.';
COMMENT ON COLUMN intermediate.int_fao_item_products.item_code IS 'FAO item code (ref.cluster_fao_items).';
COMMENT ON COLUMN intermediate.int_fao_item_products.hs_vintage IS 'HS vintage of product_code (the trade data''s).';
COMMENT ON COLUMN intermediate.int_fao_item_products.product_code IS 'HS6 product code of the trade data holding the item.';
COMMENT ON COLUMN intermediate.int_fao_item_products.fao_hs_vintage IS 'Which of FAOSTAT''s lists the code comes from: HS07 or HS12.';
COMMENT ON COLUMN intermediate.int_fao_item_products.fao_hs_code IS 'The HS code FAOSTAT gives for the item in that list.';
COMMENT ON COLUMN intermediate.int_fao_item_products.resolved_by IS 'same code (the list''s code, unchanged in the data''s vintage), or concordance 1:n / n:1 / n:n (ref.hs_concordance.relationship: the product holds only part of the code''s goods, or more).';
COMMENT ON COLUMN intermediate.int_fao_item_products.shared_with IS 'Other FAO items (code and name) FAOSTAT maps to the same HS code: the product holds their goods too. NULL when none.';
