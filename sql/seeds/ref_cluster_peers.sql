-- From the cluster catalogue (pipelines/clusters/*.json): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.cluster_peers (
    cluster_id VARCHAR NOT NULL,
    peer_iso3  VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, peer_iso3)
);
COMMENT ON TABLE ref.cluster_peers IS 'Benchmark countries of each cluster (the peers of its definition), for price and unit value comparisons.';
COMMENT ON COLUMN ref.cluster_peers.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN ref.cluster_peers.peer_iso3 IS 'ISO3 of a peer country.';
