-- Where each cluster's exports go, per year: the destination bars of a cluster profile, with the growth of each
-- destination and the new markets (destinations the cluster did not export to in the previous year of its data:
-- growth from zero is NULL, never infinite; docs/indicators.md). A year reads the year before it.
-- config: partition_by=year, lookback_years=1
WITH by_partner AS (
    SELECT cluster_id, year, importer_key,
           sum(value_usd)                                   AS value_usd,
           sum(quantity_kg) FILTER (WHERE quantity_kg > 0)  AS qty_kg,
           sum(value_usd) FILTER (WHERE quantity_kg > 0)    AS value_with_qty_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL
    HAVING sum(value_usd) > 0
),
data_years AS (         -- years whose trade data hold the cluster's products (someone exported them)
    SELECT cluster_id, year FROM intermediate.int_cluster_product_exports GROUP BY ALL HAVING sum(world_value_usd) > 0
)
SELECT
    t.cluster_id,
    t.year,
    CASE WHEN length(t.importer_key) = 3 THEN t.importer_key END AS partner_iso3,
    t.importer_key                                             AS partner_key,
    t.value_usd::DOUBLE                                        AS value_usd,
    t.qty_kg::DOUBLE                                           AS qty_kg,
    t.value_usd / sum(t.value_usd) OVER (PARTITION BY t.cluster_id, t.year) AS share,
    t.value_with_qty_usd / t.qty_kg                            AS unit_value_usd_kg,
    row_number() OVER (PARTITION BY t.cluster_id, t.year ORDER BY t.value_usd DESC, t.importer_key) AS rank,
    CASE WHEN prev.value_usd > 0 THEN t.value_usd / prev.value_usd - 1 END AS growth_yoy,
    py.year IS NOT NULL AND prev.value_usd IS NULL              AS new_market
FROM by_partner AS t
LEFT JOIN by_partner AS prev
  ON prev.cluster_id = t.cluster_id AND prev.year = t.year - 1 AND prev.importer_key = t.importer_key
LEFT JOIN data_years AS py ON py.cluster_id = t.cluster_id AND py.year = t.year - 1;

COMMENT ON TABLE marts.cluster_destinations IS 'Each cluster''s exports by destination and year: value, quantity, share, unit value and rank.';
COMMENT ON COLUMN marts.cluster_destinations.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_destinations.year IS 'Calendar year.';
COMMENT ON COLUMN marts.cluster_destinations.partner_iso3 IS 'Destination ISO3; NULL for groupings without one (see partner_key).';
COMMENT ON COLUMN marts.cluster_destinations.partner_key IS 'Destination as aggregated: ISO3 or <KIND>:<code>.';
COMMENT ON COLUMN marts.cluster_destinations.value_usd IS 'Exports of the cluster''s products to the destination, USD (FOB).';
COMMENT ON COLUMN marts.cluster_destinations.qty_kg IS 'Known quantity of those exports, kg; flows without quantity add nothing; NULL when none is known.';
COMMENT ON COLUMN marts.cluster_destinations.share IS 'value_usd / the cluster''s exports of the year, in [0, 1].';
COMMENT ON COLUMN marts.cluster_destinations.unit_value_usd_kg IS 'Unit value, USD/kg: value of the flows with a known, non-zero quantity / that quantity; NULL without any.';
COMMENT ON COLUMN marts.cluster_destinations.rank IS '1 = largest destination by value; ties are ranked by partner_key, alphabetically.';
COMMENT ON COLUMN marts.cluster_destinations.growth_yoy IS 'value_usd / the value to the same destination in the previous year - 1; NULL when the previous year is not in the data or the cluster exported nothing there (see new_market).';
COMMENT ON COLUMN marts.cluster_destinations.new_market IS 'True when the previous year is a year of the cluster''s trade data and the cluster exported nothing to this destination in it (growth from zero); false otherwise (also when the previous year is not in the data).';
