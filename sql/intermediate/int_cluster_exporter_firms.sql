-- Concentration of each cluster's exporting firms per year, from users' tables of exports by firm
-- (staging.stg_firm_exports: source kind table, values in USD) of the cluster's country and HS codes, from exact sums.
-- config: partition_by=year
WITH exporter_firms AS (   -- firms' exports of the cluster's country and HS codes, exact
    SELECT c.cluster_id, f.year, f.exporter, sum(f.value_usd::DECIMAL(18, 2)) AS value
    FROM ref.clusters AS c
    JOIN staging.stg_firm_exports AS f ON f.country_iso3 = c.country_iso3 AND f.value_usd IS NOT NULL
    WHERE EXISTS (SELECT 1 FROM ref.cluster_hs_codes AS h WHERE h.cluster_id = c.cluster_id
                  AND (starts_with(f.hs_code, h.hs_code) OR starts_with(h.hs_code, f.hs_code) AND length(f.hs_code) = 6))
    GROUP BY ALL
    HAVING sum(f.value_usd::DECIMAL(18, 2)) > 0
)
SELECT cluster_id, year, count(*) AS exporter_firm_count,
       sum(value) FILTER (WHERE rank <= 4) / sum(value) AS exporter_firm_cr4,
       list_sum(list((value / total) * (value / total) ORDER BY rank)) AS exporter_firm_hhi   -- in a fixed order: reruns give identical bits
FROM (SELECT *, row_number() OVER (PARTITION BY cluster_id, year ORDER BY value DESC, exporter) AS rank,
             sum(value) OVER (PARTITION BY cluster_id, year) AS total
      FROM exporter_firms)
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_exporter_firms IS 'Count, CR4 and HHI of each cluster''s exporting firms per year (staging.stg_firm_exports); no rows without such a table.';
COMMENT ON COLUMN intermediate.int_cluster_exporter_firms.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_exporter_firms.year IS 'Year of the exports.';
COMMENT ON COLUMN intermediate.int_cluster_exporter_firms.exporter_firm_count IS 'Exporting firms of the cluster''s country and HS codes with exports in the year.';
COMMENT ON COLUMN intermediate.int_cluster_exporter_firms.exporter_firm_cr4 IS 'Share of the four largest exporting firms in those firms'' exports (ties broken by name).';
COMMENT ON COLUMN intermediate.int_cluster_exporter_firms.exporter_firm_hhi IS 'HHI of exporting firms: sum of squared shares of their exports.';
