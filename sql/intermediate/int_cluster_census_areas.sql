-- The areas in which the Economic Census is read for each cluster: its states, and its municipalities outside those
-- states (a municipality inside a listed state is already counted by the state's cell). Clusters without regions, and
-- clusters outside Mexico, have no row here.
SELECT r.cluster_id,
       CASE WHEN length(r.inegi_key) = 2 THEN 'state' ELSE 'municipality' END AS area_level,
       left(r.inegi_key, 2)                                                   AS state_key,
       CASE WHEN length(r.inegi_key) = 5 THEN r.inegi_key END                 AS municipality_key
FROM ref.cluster_regions AS r
JOIN ref.clusters AS k ON k.cluster_id = r.cluster_id AND k.country_iso3 = 'MEX'      -- INEGI keys are Mexico's
WHERE length(r.inegi_key) = 2
   OR (length(r.inegi_key) = 5 AND NOT EXISTS (SELECT 1 FROM ref.cluster_regions AS s
                                               WHERE s.cluster_id = r.cluster_id AND s.inegi_key = left(r.inegi_key, 2)));

COMMENT ON TABLE intermediate.int_cluster_census_areas IS 'Census areas of each cluster: its states, and its municipalities outside those states (ref.cluster_regions).';
COMMENT ON COLUMN intermediate.int_cluster_census_areas.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_census_areas.area_level IS 'state or municipality.';
COMMENT ON COLUMN intermediate.int_cluster_census_areas.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN intermediate.int_cluster_census_areas.municipality_key IS 'INEGI municipality key, 5 digits; NULL for a state.';
