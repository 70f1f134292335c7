-- Each Mexican cluster's municipalities in DENUE, per snapshot: the municipalities of its regions with establishments of
-- its SCIAN activities (classes starting with its codes), their employment from the size bands, and a location quotient
-- and share of national on midpoints, relative to everything the snapshot's DENUE extracts hold (as marts.region_activity
-- and intermediate.int_cluster_denue_location; docs/indicators.md, "Mexico below the national level").
-- config: partition_by=year
WITH clusters AS (     -- the Mexican clusters with SCIAN codes and INEGI regions
    SELECT c.cluster_id
    FROM ref.clusters AS c
    WHERE c.country_iso3 = 'MEX'
      AND EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id)
      AND EXISTS (SELECT 1 FROM ref.cluster_regions AS r WHERE r.cluster_id = c.cluster_id)
),
flagged AS (           -- every municipality x class of each snapshot: is the class one of the cluster's activities
    SELECT c.cluster_id, a.*,
           EXISTS (SELECT 1 FROM ref.cluster_scian AS s
                   WHERE s.cluster_id = c.cluster_id AND starts_with(a.scian_code, s.scian_code)) AS in_activity
    FROM clusters AS c
    CROSS JOIN intermediate.int_denue_establishments_by_area AS a
),
national AS (          -- the snapshot's employment (midpoints): of the cluster's activities, of everything
    SELECT cluster_id, snapshot_year, sum(employment_mid) FILTER (WHERE in_activity) AS activity_mid, sum(employment_mid) AS all_mid
    FROM flagged
    GROUP BY cluster_id, snapshot_year
),
municipalities AS (
    SELECT cluster_id, snapshot_year, state_key, municipality_key,
           min(municipality_name)                                                   AS municipality_name,
           sum(establishments) FILTER (WHERE in_activity)::BIGINT                  AS establishments,
           sum(employment_low) FILTER (WHERE in_activity)                          AS employment_low,
           sum(employment_mid) FILTER (WHERE in_activity)                          AS employment_mid,
           CASE WHEN count(employment_high) FILTER (WHERE in_activity) = count(*) FILTER (WHERE in_activity)
                THEN sum(employment_high) FILTER (WHERE in_activity) END           AS employment_high,
           sum(employment_mid)                                                      AS all_mid
    FROM flagged AS f
    WHERE EXISTS (SELECT 1 FROM ref.cluster_regions AS r
                  WHERE r.cluster_id = f.cluster_id AND starts_with(f.municipality_key, r.inegi_key))
    GROUP BY cluster_id, snapshot_year, state_key, municipality_key
)
SELECT
    m.cluster_id,
    m.snapshot_year                                                                   AS year,
    m.state_key,
    m.municipality_key,
    m.municipality_name,
    m.establishments,
    m.employment_low::BIGINT                                                          AS employment_low,
    m.employment_mid,
    m.employment_high::BIGINT                                                         AS employment_high,
    m.all_mid                                                                         AS municipality_all_mid,
    n.activity_mid                                                                    AS national_activity_mid,
    n.all_mid                                                                         AS national_all_mid,
    (m.employment_mid / nullif(m.all_mid, 0)) / nullif(n.activity_mid / nullif(n.all_mid, 0), 0) AS location_quotient,
    m.employment_mid / nullif(n.activity_mid, 0)                                      AS share_of_national
FROM municipalities AS m
JOIN national AS n ON n.cluster_id = m.cluster_id AND n.snapshot_year = m.snapshot_year
WHERE m.establishments > 0;

COMMENT ON TABLE intermediate.int_cluster_municipality_denue IS 'DENUE establishments and employment of each Mexican cluster''s activities in the municipalities of its regions, per snapshot, with a location quotient and share of national on employment midpoints.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.cluster_id IS 'Cluster id (ref.clusters; Mexican clusters with SCIAN codes and INEGI regions).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.year IS 'Year of the DENUE snapshot (intermediate.int_denue_establishments).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.municipality_name IS 'Municipality name as in DENUE.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.establishments IS 'Establishments of the cluster''s activities (exact).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.employment_low IS 'Their employment, lower estimate (band lower bounds).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.employment_mid IS 'Their employment, central estimate (band midpoints; 376.5 for 251 y más).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.employment_high IS 'Their employment, upper estimate; NULL with an establishment in the open band 251 y más.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.municipality_all_mid IS 'e_m: employment midpoints of every establishment of the municipality in the snapshot.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.national_activity_mid IS 'e_Ns: employment midpoints of the cluster''s activities in all of the snapshot''s DENUE extracts.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.national_all_mid IS 'e_N: employment midpoints of every establishment in the snapshot''s DENUE extracts.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.location_quotient IS 'LQ = (e_ms / e_m) / (e_Ns / e_N) on employment midpoints.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_denue.share_of_national IS 'e_ms / e_Ns: the municipality''s share of the cluster''s activities in the snapshot''s DENUE extracts.';
