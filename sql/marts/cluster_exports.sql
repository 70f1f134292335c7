-- Cluster export indicators, one row per cluster and year of trade data (any HS vintage: the cluster's codes are
-- carried into the data's vintage by intermediate.int_cluster_products).
-- Definitions: ../shared/docs/indicators.md (Balassa RCA, world market share, destinations).
CREATE TABLE marts.cluster_exports AS
WITH years AS (
    SELECT year, string_agg(DISTINCT hs_vintage, ', ' ORDER BY hs_vintage) AS trade_hs_vintages
    FROM intermediate.int_country_product_exports
    GROUP BY year
),
world_totals AS (        -- sum over all exporters and products: the denominator of RCA's world side
    SELECT year, sum(export_value_usd) AS world_all_products_usd
    FROM intermediate.int_country_product_exports
    GROUP BY ALL
),
country_totals AS (      -- each exporter's exports of all products
    SELECT year, exporter_key, sum(export_value_usd) AS country_all_products_usd
    FROM intermediate.int_country_product_exports
    GROUP BY ALL
),
world_cluster_products AS (   -- all exporters' exports of the cluster's products
    SELECT p.cluster_id, e.year, sum(e.export_value_usd) AS world_export_value_usd
    FROM intermediate.int_cluster_products AS p
    JOIN intermediate.int_country_product_exports AS e USING (hs_vintage, product_code)
    GROUP BY ALL
),
by_destination AS (
    SELECT cluster_id, year, importer_key, sum(value_usd) AS value_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL
),
cluster_totals AS (
    SELECT cluster_id, year,
           sum(value_usd) AS export_value_usd,
           count(DISTINCT importer_key) FILTER (WHERE value_usd > 0) AS n_destinations,
           CASE WHEN count(DISTINCT value_basis) = 1 THEN min(value_basis) ELSE 'mixed' END AS value_basis
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL
),
cluster_quantities AS (
    SELECT cluster_id, year, sum(quantity_kg) AS export_qty_kg
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL
),
top_destination AS (     -- largest destination by value; ties go to the alphabetically first code
    SELECT cluster_id, year, importer_key AS top_destination, value_usd AS top_destination_value_usd
    FROM by_destination
    QUALIFY row_number() OVER (PARTITION BY cluster_id, year ORDER BY value_usd DESC, importer_key) = 1
)
SELECT
    c.cluster_id,
    y.year,
    c.name                                             AS cluster_name,
    c.country_iso3,
    c.hs_vintage,
    y.trade_hs_vintages,
    coalesce(t.export_value_usd, 0)                    AS export_value_usd,
    q.export_qty_kg,
    coalesce(w.world_export_value_usd, 0)              AS world_export_value_usd,
    coalesce(t.export_value_usd, 0) / nullif(w.world_export_value_usd, 0) AS world_share,
    (coalesce(t.export_value_usd, 0) / nullif(ct.country_all_products_usd, 0))
      / nullif(w.world_export_value_usd / nullif(wt.world_all_products_usd, 0), 0) AS rca,
    coalesce(t.n_destinations, 0)                      AS n_destinations,
    td.top_destination,
    td.top_destination_value_usd / nullif(t.export_value_usd, 0) AS top_destination_share,
    t.value_basis
FROM ref.clusters AS c
CROSS JOIN years AS y
JOIN world_totals AS wt ON wt.year = y.year
LEFT JOIN country_totals AS ct ON ct.year = y.year AND ct.exporter_key = c.country_iso3
LEFT JOIN world_cluster_products AS w ON w.cluster_id = c.cluster_id AND w.year = y.year
LEFT JOIN cluster_totals AS t ON t.cluster_id = c.cluster_id AND t.year = y.year
LEFT JOIN cluster_quantities AS q ON q.cluster_id = c.cluster_id AND q.year = y.year
LEFT JOIN top_destination AS td ON td.cluster_id = c.cluster_id AND td.year = y.year;

COMMENT ON TABLE marts.cluster_exports IS 'Export indicators per cluster and year: value, volume, world market share, Balassa RCA and destinations. National trade data for the cluster''s HS products (see ref.clusters.region).';
COMMENT ON COLUMN marts.cluster_exports.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_exports.year IS 'Calendar year; every year of trade data in the cluster''s HS vintage, including years without cluster exports (value 0).';
COMMENT ON COLUMN marts.cluster_exports.cluster_name IS 'Human name of the cluster.';
COMMENT ON COLUMN marts.cluster_exports.country_iso3 IS 'Exporting country (ISO3).';
COMMENT ON COLUMN marts.cluster_exports.hs_vintage IS 'HS vintage the cluster''s codes are written in (ref.clusters).';
COMMENT ON COLUMN marts.cluster_exports.trade_hs_vintages IS 'HS vintage(s) of the trade data used for the year (intermediate.int_trade_basis).';
COMMENT ON COLUMN marts.cluster_exports.value_basis IS 'Where the export values come from: reconciled (BACI), reported (exporter), mirror (importer''s declaration converted to FOB) or mixed; NULL without exports.';
COMMENT ON COLUMN marts.cluster_exports.export_value_usd IS 'X_cP: the country''s exports of the cluster''s products to all destinations, USD FOB. 0 when none.';
COMMENT ON COLUMN marts.cluster_exports.export_qty_kg IS 'Export quantity in kg, summed over flows with a known quantity (flows without one add nothing); NULL when no quantity is known.';
COMMENT ON COLUMN marts.cluster_exports.world_export_value_usd IS 'X_wP: exports of the cluster''s products by all exporters in the data, USD.';
COMMENT ON COLUMN marts.cluster_exports.world_share IS 'World market share by value: X_cP / X_wP, in [0, 1]; NULL when nobody exports the products.';
COMMENT ON COLUMN marts.cluster_exports.rca IS 'Balassa revealed comparative advantage: (X_cP / X_c) / (X_wP / X_w), totals over every exporter and product present in that year and vintage, missing = 0. >= 1 means a revealed advantage. NULL when the country exports nothing that year.';
COMMENT ON COLUMN marts.cluster_exports.n_destinations IS 'Number of importers with exports of the cluster''s products > 0.';
COMMENT ON COLUMN marts.cluster_exports.top_destination IS 'Importer (ISO3) with the largest value; ties go to the alphabetically first; NULL without exports.';
COMMENT ON COLUMN marts.cluster_exports.top_destination_share IS 'Share of the top destination in export_value_usd, in [0, 1]; NULL without exports.';
