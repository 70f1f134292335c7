-- From the cluster catalogue (pipelines/clusters/*.json): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.cluster_scian (
    cluster_id VARCHAR NOT NULL,
    scian_code VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, scian_code)
);
COMMENT ON TABLE ref.cluster_scian IS 'SCIAN activities of each Mexican cluster (DENUE establishments, Economic Census), as written in its definition.';
COMMENT ON COLUMN ref.cluster_scian.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_scian.scian_code IS 'SCIAN code of 2 to 6 digits; a shorter code selects every activity it starts.';
