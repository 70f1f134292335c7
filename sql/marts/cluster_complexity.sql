-- A cluster in its country's product space, per year and HS vintage: its own products (the cluster's codes carried to the
-- data's vintage, intermediate.int_cluster_products) with their PCI and the country's RCA, M_cp, density and COG; and
-- the 10 nearby products its country does not export with M_cp yet, the diversification options: the products outside
-- the cluster nearest (marts.product_proximity) to any of its products, by the highest proximity to one of them (ties by
-- code), with the same figures. Definitions in docs/indicators.md, "Economic complexity".
-- config: materialized=view, partition_by=year
WITH cluster_products AS (
    SELECT DISTINCT p.cluster_id, c.country_iso3, p.hs_vintage, p.product_code
    FROM intermediate.int_cluster_products AS p
    JOIN ref.clusters AS c USING (cluster_id)
),
own AS (
    SELECT cp.cluster_id, x.year, x.hs_vintage, cp.country_iso3, 'cluster product' AS kind, x.product_code,
           NULL::VARCHAR AS nearest_cluster_product, NULL::DOUBLE AS proximity, NULL::BIGINT AS option_rank,
           x.rca, x.mcp, x.pci, x.density, x.cog
    FROM cluster_products AS cp
    JOIN marts.country_product_complexity AS x
      ON x.country_key = cp.country_iso3 AND x.hs_vintage = cp.hs_vintage AND x.product_code = cp.product_code
),
near AS (
    SELECT cp.cluster_id, n.year, n.hs_vintage, cp.country_iso3, n.neighbour_code AS product_code,
           n.product_code AS nearest_cluster_product, n.proximity,
           row_number() OVER (PARTITION BY cp.cluster_id, n.year, n.hs_vintage, n.neighbour_code
                              ORDER BY n.proximity DESC, n.product_code) AS nearest
    FROM cluster_products AS cp
    JOIN marts.product_proximity AS n ON n.hs_vintage = cp.hs_vintage AND n.product_code = cp.product_code
    WHERE NOT EXISTS (SELECT 1 FROM cluster_products AS o
                      WHERE o.cluster_id = cp.cluster_id AND o.hs_vintage = n.hs_vintage AND o.product_code = n.neighbour_code)
),
options AS (
    SELECT n.cluster_id, n.year, n.hs_vintage, n.country_iso3, 'nearby option' AS kind, n.product_code,
           n.nearest_cluster_product, n.proximity,
           row_number() OVER (PARTITION BY n.cluster_id, n.year, n.hs_vintage ORDER BY n.proximity DESC, n.product_code) AS option_rank,
           x.rca, x.mcp, x.pci, x.density, x.cog
    FROM near AS n
    JOIN marts.country_product_complexity AS x
      ON x.country_key = n.country_iso3 AND x.year = n.year AND x.hs_vintage = n.hs_vintage AND x.product_code = n.product_code
    WHERE n.nearest = 1 AND NOT x.mcp
)
SELECT * FROM own
UNION ALL
SELECT * FROM options WHERE option_rank <= 10;

COMMENT ON VIEW marts.cluster_complexity IS 'A cluster in its country''s product space, per year and HS vintage: its products'' PCI and the country''s RCA, M_cp, density and COG in them, and the 10 nearest products outside the cluster that the country does not yet export with M_cp (highest proximity to one of the cluster''s products): the diversification options.';
COMMENT ON COLUMN marts.cluster_complexity.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_complexity.year IS 'Calendar year.';
COMMENT ON COLUMN marts.cluster_complexity.hs_vintage IS 'HS vintage of the products (the data''s).';
COMMENT ON COLUMN marts.cluster_complexity.country_iso3 IS 'The cluster''s country (ISO3).';
COMMENT ON COLUMN marts.cluster_complexity.kind IS 'cluster product (one of the cluster''s HS6 products in this vintage) or nearby option (a product near them the country does not export with M_cp).';
COMMENT ON COLUMN marts.cluster_complexity.product_code IS 'HS6 product code.';
COMMENT ON COLUMN marts.cluster_complexity.nearest_cluster_product IS 'For a nearby option: the cluster product it is nearest to (ties by code); NULL for a cluster product.';
COMMENT ON COLUMN marts.cluster_complexity.proximity IS 'For a nearby option: its proximity phi to nearest_cluster_product (marts.product_proximity); NULL for a cluster product.';
COMMENT ON COLUMN marts.cluster_complexity.option_rank IS 'For a nearby option: its rank by proximity among the cluster''s options of the year and vintage (1 = nearest, ties by code; at most 10); NULL for a cluster product.';
COMMENT ON COLUMN marts.cluster_complexity.rca IS 'The country''s Balassa RCA in the product; NULL when it exported none of it.';
COMMENT ON COLUMN marts.cluster_complexity.mcp IS 'M_cp: rca >= complexity_rca_threshold (always false for a nearby option).';
COMMENT ON COLUMN marts.cluster_complexity.pci IS 'Product Complexity Index of the product (marts.country_product_complexity).';
COMMENT ON COLUMN marts.cluster_complexity.density IS 'Density of the country in the product, in [0, 1]: how near its present products are to it.';
COMMENT ON COLUMN marts.cluster_complexity.cog IS 'Complexity Outlook Gain of the country from the product (0 when mcp is true).';
