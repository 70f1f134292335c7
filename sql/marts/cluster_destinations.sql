-- Where each cluster's exports go, per year: the destination bars of a cluster profile.
-- config: partition_by=year
WITH by_partner AS (
    SELECT cluster_id, year, importer_key,
           sum(value_usd)                                   AS value_usd,
           sum(quantity_kg) FILTER (WHERE quantity_kg > 0)  AS qty_kg,
           sum(value_usd) FILTER (WHERE quantity_kg > 0)    AS value_with_qty_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL
    HAVING sum(value_usd) > 0
)
SELECT
    cluster_id,
    year,
    CASE WHEN length(importer_key) = 3 THEN importer_key END AS partner_iso3,
    importer_key                                             AS partner_key,
    value_usd::DOUBLE                                        AS value_usd,
    qty_kg::DOUBLE                                           AS qty_kg,
    value_usd / sum(value_usd) OVER (PARTITION BY cluster_id, year) AS share,
    value_with_qty_usd / qty_kg                              AS unit_value_usd_kg,
    row_number() OVER (PARTITION BY cluster_id, year ORDER BY value_usd DESC, importer_key) AS rank
FROM by_partner;

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
