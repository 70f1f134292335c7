-- From the cluster catalogue (pipelines/clusters/*.json): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.cluster_regions (
    cluster_id VARCHAR NOT NULL,
    inegi_key  VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, inegi_key)
);
COMMENT ON TABLE ref.cluster_regions IS 'INEGI geography of each Mexican cluster, as written in its definition.';
COMMENT ON COLUMN ref.cluster_regions.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_regions.inegi_key IS 'INEGI key: 2-digit state (16 Michoacan) or 5-digit municipality (state + municipality).';
