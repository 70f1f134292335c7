-- The DENUE establishments each cluster covers, per snapshot (intermediate.int_denue_establishments): those whose SCIAN
-- class starts with one of the cluster's SCIAN codes, in one of its regions (INEGI state or municipality keys; all of
-- the country when it lists none). An establishment matching two of the cluster's codes counts once.
SELECT DISTINCT
    s.cluster_id,
    e.snapshot_year,
    e.establishment_id,
    e.scian_code,
    e.state_key,
    e.municipality_key,
    e.employment_low,
    e.employment_mid,
    e.employment_high,
    e.registered_month
FROM ref.cluster_scian AS s
JOIN intermediate.int_denue_establishments AS e ON starts_with(e.scian_code, s.scian_code)
WHERE NOT EXISTS (SELECT 1 FROM ref.cluster_regions AS r WHERE r.cluster_id = s.cluster_id)
   OR EXISTS (SELECT 1 FROM ref.cluster_regions AS r
              WHERE r.cluster_id = s.cluster_id AND starts_with(e.municipality_key, r.inegi_key));

COMMENT ON TABLE intermediate.int_cluster_establishments IS 'DENUE establishments of each cluster per snapshot: its SCIAN activities (codes as prefixes) in its regions (all of the country without regions), one row per cluster, snapshot and establishment.';
COMMENT ON COLUMN intermediate.int_cluster_establishments.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_establishments.snapshot_year IS 'Year of the DENUE snapshot (intermediate.int_denue_establishments).';
COMMENT ON COLUMN intermediate.int_cluster_establishments.establishment_id IS 'DENUE id of the establishment.';
COMMENT ON COLUMN intermediate.int_cluster_establishments.scian_code IS 'SCIAN class of the establishment, 6 digits.';
COMMENT ON COLUMN intermediate.int_cluster_establishments.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN intermediate.int_cluster_establishments.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN intermediate.int_cluster_establishments.employment_low IS 'Lower bound of its employment band (persons).';
COMMENT ON COLUMN intermediate.int_cluster_establishments.employment_mid IS 'Midpoint of its band (376.5 for 251 y más).';
COMMENT ON COLUMN intermediate.int_cluster_establishments.employment_high IS 'Upper bound of its band; NULL for the open band 251 y más.';
COMMENT ON COLUMN intermediate.int_cluster_establishments.registered_month IS 'Month it entered DENUE (YYYY-MM).';
