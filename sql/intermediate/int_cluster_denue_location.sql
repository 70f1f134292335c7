-- Where each Mexican cluster's activity sits across the states of a DENUE snapshot, on employment midpoints: its location
-- quotient in its regions and its locational Gini across states. Both compare the cluster's establishments
-- (intermediate.int_cluster_establishments) with every establishment of the snapshot's DENUE extracts.
-- config: partition_by=year
WITH clusters AS (     -- the Mexican clusters with SCIAN codes, and whether they name regions
    SELECT c.cluster_id, EXISTS (SELECT 1 FROM ref.cluster_regions AS r WHERE r.cluster_id = c.cluster_id) AS has_regions
    FROM ref.clusters AS c
    WHERE c.country_iso3 = 'MEX' AND EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id)
),
denue_flags AS (       -- every establishment of each snapshot: is it of the cluster's activities (any region), in its regions (any activity)
    SELECT c.cluster_id, e.snapshot_year AS year, e.state_key, e.employment_mid,
           EXISTS (SELECT 1 FROM ref.cluster_scian AS s
                   WHERE s.cluster_id = c.cluster_id AND starts_with(e.scian_code, s.scian_code))      AS in_activity,
           EXISTS (SELECT 1 FROM ref.cluster_regions AS r
                   WHERE r.cluster_id = c.cluster_id AND starts_with(e.municipality_key, r.inegi_key)) AS in_region
    FROM clusters AS c
    CROSS JOIN intermediate.int_denue_establishments AS e
),
cluster_states AS (    -- the cluster's own establishments (its activities in its regions) by state; none without regions
    SELECT e.cluster_id, e.snapshot_year AS year, e.state_key, sum(e.employment_mid) AS region_activity_mid
    FROM intermediate.int_cluster_establishments AS e
    JOIN clusters AS c ON c.cluster_id = e.cluster_id AND c.has_regions
    GROUP BY ALL
),
denue_activity AS (    -- employment (midpoints) by state: of the cluster's activities, of everything, of everything in its regions
    SELECT f.cluster_id, f.year, f.state_key,
           sum(f.employment_mid) FILTER (WHERE f.in_activity) AS activity_mid,
           sum(f.employment_mid)                              AS all_mid,
           sum(f.employment_mid) FILTER (WHERE f.in_region)   AS region_all_mid
    FROM denue_flags AS f
    GROUP BY f.cluster_id, f.year, f.state_key
),
lorenz AS (           -- states ordered by their location quotient; cumulative shares of all employment (x) and of the activity (y)
    SELECT cluster_id, year, state_key,
           sum(all_mid) OVER w / sum(all_mid) OVER (PARTITION BY cluster_id, year)                        AS x,
           coalesce(sum(activity_mid) OVER w, 0) / nullif(sum(activity_mid) OVER (PARTITION BY cluster_id, year), 0) AS y
    FROM denue_activity
    WINDOW w AS (PARTITION BY cluster_id, year ORDER BY coalesce(activity_mid, 0) / all_mid, state_key
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
lorenz_area AS (
    SELECT cluster_id, year,
           sum((x - coalesce(prev_x, 0)) * (y + coalesce(prev_y, 0)) / 2) AS area,
           count(*) AS states
    FROM (SELECT *, lag(x) OVER (PARTITION BY cluster_id, year ORDER BY x, y) AS prev_x,
                    lag(y) OVER (PARTITION BY cluster_id, year ORDER BY x, y) AS prev_y FROM lorenz)
    GROUP BY cluster_id, year
)
SELECT d.cluster_id, d.year,
       (sum(s.region_activity_mid) / nullif(sum(d.region_all_mid), 0))
         / nullif(sum(d.activity_mid) / nullif(sum(d.all_mid), 0), 0) AS location_quotient,
       0.5 - min(l.area)                                                AS locational_gini,
       min(l.states)                                                    AS states
FROM denue_activity AS d
JOIN lorenz_area AS l ON l.cluster_id = d.cluster_id AND l.year = d.year
LEFT JOIN cluster_states AS s ON s.cluster_id = d.cluster_id AND s.year = d.year AND s.state_key = d.state_key
GROUP BY d.cluster_id, d.year;

COMMENT ON TABLE intermediate.int_cluster_denue_location IS 'Location quotient and locational Gini of each Mexican cluster''s activities per DENUE snapshot, relative to the DENUE extracts loaded (employment midpoints).';
COMMENT ON COLUMN intermediate.int_cluster_denue_location.cluster_id IS 'Cluster id (ref.clusters; Mexican clusters with SCIAN codes).';
COMMENT ON COLUMN intermediate.int_cluster_denue_location.year IS 'Year of the DENUE snapshot (intermediate.int_denue_establishments).';
COMMENT ON COLUMN intermediate.int_cluster_denue_location.location_quotient IS 'Location quotient (e_rs / e_r) / (e_Ns / e_N): the cluster''s activities s in its regions r against everything N in the snapshot; NULL without regions.';
COMMENT ON COLUMN intermediate.int_cluster_denue_location.locational_gini IS 'Locational Gini across the snapshot''s states: 0.5 minus the area under the Lorenz curve of activity vs total employment (states ordered by location quotient).';
COMMENT ON COLUMN intermediate.int_cluster_denue_location.states IS 'States in the snapshot''s DENUE extracts (a national download gives the national figures).';
