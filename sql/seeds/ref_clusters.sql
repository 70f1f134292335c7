-- Cluster catalogue, loaded by the pipeline from pipelines/clusters/*.json before the models run.
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

CREATE TABLE ref.cluster_hs_codes (
    cluster_id VARCHAR NOT NULL,
    hs_code    VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, hs_code)
);
COMMENT ON TABLE ref.cluster_hs_codes IS 'HS codes of each cluster as written in its definition (2 to 6 digits), matched as prefixes of 6-digit product codes.';
COMMENT ON COLUMN ref.cluster_hs_codes.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_hs_codes.hs_code IS 'HS chapter (2 digits), heading (4) or subheading (6); a prefix of the product codes it selects.';

CREATE TABLE ref.cluster_fao_items (
    cluster_id VARCHAR NOT NULL,
    item_code  INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, item_code)
);
COMMENT ON TABLE ref.cluster_fao_items IS 'FAO items of each cluster (production, producer prices), as written in its definition.';
COMMENT ON COLUMN ref.cluster_fao_items.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_fao_items.item_code IS 'FAO item code (ref.fao_items).';

CREATE TABLE ref.cluster_scian (
    cluster_id VARCHAR NOT NULL,
    scian_code VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, scian_code)
);
COMMENT ON TABLE ref.cluster_scian IS 'SCIAN activities of each Mexican cluster (DENUE establishments, Economic Census), as written in its definition.';
COMMENT ON COLUMN ref.cluster_scian.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_scian.scian_code IS 'SCIAN code of 2 to 6 digits; a shorter code selects every activity it starts.';

CREATE TABLE ref.cluster_regions (
    cluster_id VARCHAR NOT NULL,
    inegi_key  VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, inegi_key)
);
COMMENT ON TABLE ref.cluster_regions IS 'INEGI geography of each Mexican cluster, as written in its definition.';
COMMENT ON COLUMN ref.cluster_regions.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN ref.cluster_regions.inegi_key IS 'INEGI key: 2-digit state (16 Michoacan) or 5-digit municipality (state + municipality).';

CREATE TABLE ref.cluster_peers (
    cluster_id VARCHAR NOT NULL,
    peer_iso3  VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, peer_iso3)
);
COMMENT ON TABLE ref.cluster_peers IS 'Benchmark countries of each cluster (the peers of its definition), for price and unit value comparisons.';
COMMENT ON COLUMN ref.cluster_peers.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN ref.cluster_peers.peer_iso3 IS 'ISO3 of a peer country.';
