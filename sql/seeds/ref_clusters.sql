-- From the cluster catalogue (pipelines/clusters/*.json): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.clusters (
    cluster_id      VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    country_iso3    VARCHAR NOT NULL,
    region          VARCHAR,
    hs_vintage      VARCHAR NOT NULL,
    provenance      VARCHAR,
    definition_file VARCHAR NOT NULL
);
COMMENT ON TABLE ref.clusters IS 'Clusters the marts are computed for, one row per pipelines/clusters/<id>.json.';
COMMENT ON COLUMN ref.clusters.cluster_id IS 'Cluster id (the definition file name without .json).';
COMMENT ON COLUMN ref.clusters.name IS 'Human name of the cluster.';
COMMENT ON COLUMN ref.clusters.country_iso3 IS 'ISO3 code of the exporting country.';
COMMENT ON COLUMN ref.clusters.region IS 'Free label of the region the cluster sits in; trade data are national, so export marts are national figures for the cluster''s products.';
COMMENT ON COLUMN ref.clusters.hs_vintage IS 'HS vintage (HS92 ... HS22) the cluster''s HS codes are written in; only trade data of that vintage are used.';
COMMENT ON COLUMN ref.clusters.provenance IS 'Where the definition comes from (studies, reports).';
COMMENT ON COLUMN ref.clusters.definition_file IS 'File name of the definition under pipelines/clusters/.';
