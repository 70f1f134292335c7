-- Each cluster's SCIAN codes at every code level the census may be read at: from 3 digits (subsector) to the length of
-- its shortest code (a level finer than one of its codes could not hold that code).
SELECT DISTINCT s.cluster_id, n.len, left(s.scian_code, n.len) AS code
FROM ref.cluster_scian AS s
CROSS JOIN (SELECT unnest(range(3, 7)) AS len) AS n
WHERE n.len <= (SELECT min(length(t.scian_code)) FROM ref.cluster_scian AS t WHERE t.cluster_id = s.cluster_id);

COMMENT ON TABLE intermediate.int_cluster_census_codes IS 'Each cluster''s SCIAN codes cut to every level from 3 digits to its shortest code''s length: the candidates for reading the Economic Census.';
COMMENT ON COLUMN intermediate.int_cluster_census_codes.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_cluster_census_codes.len IS 'Code level: digits (3 to 6).';
COMMENT ON COLUMN intermediate.int_cluster_census_codes.code IS 'One of the cluster''s SCIAN codes cut to len digits.';
