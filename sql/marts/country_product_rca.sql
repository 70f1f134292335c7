-- Revealed comparative advantage (Balassa) of every exporter in every HS6 product, per year:
--   rca = (x_cp / sum_p x_cp) / (sum_c x_cp / sum_cp x_cp),   mcp = 1 when rca >= 1
-- the form py-ecomplexity and WITS use (docs/indicators.md, "RCA"), over every exporter and product of the year's trade
-- basis. One world per year, the one marts.cluster_exports divides by (intermediate.int_trade_world): in a year with
-- several Comtrade HS vintages, an exporter's total and the world total add up every vintage, and a product's world
-- exports add up its code in every vintage. The "world" is the data loaded: basis_reporters and basis_partners say how
-- much of it the basis holds. Pairs without exports have rca 0 and are not listed.
-- Totals are exact sums (DECIMAL), so reruns give identical ratios. A view: the warehouse stores the exporter-product
-- sums once (intermediate.int_country_product_exports) and computes the ratios when queried; the published Parquet
-- holds them computed.
-- config: materialized=view, partition_by=year
WITH x AS (
    SELECT year, hs_vintage, exporter_key, product_code, export_value_usd
    FROM intermediate.int_country_product_exports
    WHERE export_value_usd > 0
),
countries AS (SELECT year, exporter_key, sum(export_value_usd) AS country_total_usd FROM x GROUP BY ALL),
products AS (SELECT year, product_code, sum(export_value_usd) AS world_product_usd FROM x GROUP BY ALL)
SELECT
    x.year,
    'HS'                                      AS classification,
    x.hs_vintage,
    CASE WHEN length(x.exporter_key) = 3 THEN x.exporter_key END AS country_iso3,
    x.exporter_key                            AS country_key,
    x.product_code,
    x.export_value_usd::DOUBLE                AS export_value_usd,
    p.world_product_usd::DOUBLE               AS world_export_value_usd,
    c.country_total_usd::DOUBLE               AS country_total_usd,
    w.world_total_usd::DOUBLE                 AS world_total_usd,
    (x.export_value_usd / c.country_total_usd) / (p.world_product_usd / w.world_total_usd) AS rca,
    (x.export_value_usd / c.country_total_usd) / (p.world_product_usd / w.world_total_usd) >= 1 AS mcp,
    w.basis_reporters,
    w.basis_partners
FROM x
JOIN countries AS c USING (year, exporter_key)
JOIN products AS p USING (year, product_code)
JOIN intermediate.int_trade_world AS w USING (year);

COMMENT ON VIEW marts.country_product_rca IS 'Balassa revealed comparative advantage of every exporter in every HS6 product, per year, over all exporters and products of the year''s trade basis (py-ecomplexity / WITS definition), with the same world totals as marts.cluster_exports. Pairs without exports (rca 0) are not listed.';
COMMENT ON COLUMN marts.country_product_rca.year IS 'Calendar year.';
COMMENT ON COLUMN marts.country_product_rca.classification IS 'Product classification: HS.';
COMMENT ON COLUMN marts.country_product_rca.hs_vintage IS 'HS vintage of product_code (totals are taken over every vintage of the year''s basis).';
COMMENT ON COLUMN marts.country_product_rca.country_iso3 IS 'Exporter ISO3; NULL for groupings without one (see country_key).';
COMMENT ON COLUMN marts.country_product_rca.country_key IS 'Exporter as aggregated: ISO3, or <KIND>:<code> for groupings (BACI:490 Other Asia, nes).';
COMMENT ON COLUMN marts.country_product_rca.product_code IS 'HS6 product code.';
COMMENT ON COLUMN marts.country_product_rca.export_value_usd IS 'x_cp: the exporter''s exports of the product, USD (FOB; reported, mirror or BACI).';
COMMENT ON COLUMN marts.country_product_rca.world_export_value_usd IS 'sum_c x_cp: every exporter''s exports of the product code, USD, over every HS vintage of the year''s basis.';
COMMENT ON COLUMN marts.country_product_rca.country_total_usd IS 'sum_p x_cp: the exporter''s exports of every HS6 product in the year''s basis, USD.';
COMMENT ON COLUMN marts.country_product_rca.world_total_usd IS 'sum_cp x_cp: every exporter''s exports of every HS6 product in the year''s basis, USD (intermediate.int_trade_world, the same as marts.cluster_exports uses).';
COMMENT ON COLUMN marts.country_product_rca.rca IS 'Balassa RCA = (x_cp / sum_p x_cp) / (sum_c x_cp / sum_cp x_cp); > 0.';
COMMENT ON COLUMN marts.country_product_rca.mcp IS 'Presence M_cp: true when rca >= 1 (py-ecomplexity and WITS; Open Trade Statistics uses rca > 1).';
COMMENT ON COLUMN marts.country_product_rca.basis_reporters IS 'Countries reporting in the year''s trade basis (BACI exporters, Comtrade declaring countries): RCA is relative to the data loaded, a world figure only when they cover the world.';
COMMENT ON COLUMN marts.country_product_rca.basis_partners IS 'Partners named in the year''s trade basis (World excluded).';
