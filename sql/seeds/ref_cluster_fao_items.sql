-- From the cluster catalogue (pipelines/clusters/*.json): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.cluster_fao_items (
    cluster_id VARCHAR NOT NULL,
    item_code  INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, item_code)
);
COMMENT ON TABLE ref.cluster_fao_items IS 'FAO items of each cluster (production, producer prices), as written in its definition.';
COMMENT ON COLUMN ref.cluster_fao_items.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_fao_items.item_code IS 'FAO item code (ref.fao_items).';
