-- The Mexican clusters' firms per DENUE snapshot (intermediate.int_cluster_establishments): how many, their employment
-- from the published size bands (low / mid / high) and their HHI on the bands' midpoints.
-- config: partition_by=year
SELECT e.cluster_id,
       e.snapshot_year                            AS year,
       count(*)                                   AS firm_count,
       sum(e.employment_low)::BIGINT              AS firm_employment_low,
       sum(e.employment_mid)                      AS firm_employment_mid,
       CASE WHEN count(e.employment_high) = count(*) THEN sum(e.employment_high)::BIGINT END AS firm_employment_high,
       sum(e.employment_mid * e.employment_mid) / nullif(sum(e.employment_mid) * sum(e.employment_mid), 0) AS firm_hhi_mid,
       count(*) - count(e.employment_high)        AS open_band_firms
FROM intermediate.int_cluster_establishments AS e
JOIN ref.clusters AS c ON c.cluster_id = e.cluster_id
WHERE c.country_iso3 = 'MEX'
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_cluster_firms IS 'DENUE establishments of each Mexican cluster per snapshot: count, employment low/mid/high from the size bands, HHI on midpoints.';
COMMENT ON COLUMN intermediate.int_cluster_firms.cluster_id IS 'Cluster id (ref.clusters; Mexican clusters only).';
COMMENT ON COLUMN intermediate.int_cluster_firms.year IS 'Year of the DENUE snapshot (intermediate.int_denue_establishments).';
COMMENT ON COLUMN intermediate.int_cluster_firms.firm_count IS 'Establishments of the cluster''s SCIAN activities in its regions (an establishment once).';
COMMENT ON COLUMN intermediate.int_cluster_firms.firm_employment_low IS 'Their employment, sum of the bands'' lower bounds.';
COMMENT ON COLUMN intermediate.int_cluster_firms.firm_employment_mid IS 'Their employment, sum of the bands'' midpoints (376.5 for 251 y más).';
COMMENT ON COLUMN intermediate.int_cluster_firms.firm_employment_high IS 'Their employment, sum of the bands'' upper bounds; NULL when an establishment is in the open band 251 y más.';
COMMENT ON COLUMN intermediate.int_cluster_firms.firm_hhi_mid IS 'HHI of establishments by employment midpoints.';
COMMENT ON COLUMN intermediate.int_cluster_firms.open_band_firms IS 'Establishments in the open band 251 y más (no upper bound).';
