-- From the cluster catalogue (pipelines/clusters/*.json): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.cluster_hs_codes (
    cluster_id VARCHAR NOT NULL,
    hs_code    VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, hs_code)
);
COMMENT ON TABLE ref.cluster_hs_codes IS 'HS codes of each cluster as written in its definition (2 to 6 digits), matched as prefixes of 6-digit product codes.';
COMMENT ON COLUMN ref.cluster_hs_codes.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_hs_codes.hs_code IS 'HS chapter (2 digits), heading (4) or subheading (6); a prefix of the product codes it selects.';
