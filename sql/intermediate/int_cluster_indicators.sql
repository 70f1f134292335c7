-- The headline indicators of each cluster and year in long form (cluster, year, indicator, value), from the marts
-- cluster_exports, cluster_prices and cluster_concentration: what marts.release_diffs compares from one extract of a
-- source to the next. Each build's rows are kept in meta.indicator_history after the build. A NULL cell is kept (a value
-- that appears or disappears is a revision too); a cluster-year a mart does not hold has no row.
-- Small (clusters x years x 11): rebuilt whole.
WITH exports AS (
    SELECT cluster_id, year,
           export_value_usd::DOUBLE AS export_value_usd, export_qty_kg::DOUBLE AS export_qty_kg,
           world_share_value::DOUBLE AS world_share_value, rca::DOUBLE AS rca,
           unit_value_usd_kg::DOUBLE AS unit_value_usd_kg, destination_hhi::DOUBLE AS destination_hhi
    FROM marts.cluster_exports
),
prices AS (
    SELECT cluster_id, year, producer_price_usd_t::DOUBLE AS producer_price_usd_t,
           real_producer_price::DOUBLE AS real_producer_price
    FROM marts.cluster_prices
),
concentration AS (
    SELECT cluster_id, year, product_hhi::DOUBLE AS product_hhi, firm_count::DOUBLE AS firm_count,
           regional_share::DOUBLE AS regional_share
    FROM marts.cluster_concentration
)
SELECT cluster_id, year::INTEGER AS year, 'cluster_exports.' || indicator AS indicator, value
FROM exports UNPIVOT INCLUDE NULLS (value FOR indicator IN
    (export_value_usd, export_qty_kg, world_share_value, rca, unit_value_usd_kg, destination_hhi))
UNION ALL
SELECT cluster_id, year::INTEGER, 'cluster_prices.' || indicator, value
FROM prices UNPIVOT INCLUDE NULLS (value FOR indicator IN (producer_price_usd_t, real_producer_price))
UNION ALL
SELECT cluster_id, year::INTEGER, 'cluster_concentration.' || indicator, value
FROM concentration UNPIVOT INCLUDE NULLS (value FOR indicator IN (product_hhi, firm_count, regional_share));

COMMENT ON TABLE intermediate.int_cluster_indicators IS 'Headline indicators of each cluster and year in long form, from marts.cluster_exports, cluster_prices and cluster_concentration: the values marts.release_diffs compares between extracts (kept per build in meta.indicator_history).';
COMMENT ON COLUMN intermediate.int_cluster_indicators.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_indicators.year IS 'Calendar year of the mart row.';
COMMENT ON COLUMN intermediate.int_cluster_indicators.indicator IS '<mart>.<column>: cluster_exports.export_value_usd, export_qty_kg, world_share_value, rca, unit_value_usd_kg, destination_hhi; cluster_prices.producer_price_usd_t, real_producer_price; cluster_concentration.product_hhi, firm_count, regional_share.';
COMMENT ON COLUMN intermediate.int_cluster_indicators.value IS 'The mart''s value as DOUBLE (NULL when the mart''s cell is NULL).';
