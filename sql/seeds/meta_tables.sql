-- Provenance and build metadata, loaded by the pipeline.
CREATE TABLE meta.extracts (
    source        VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,
    location      VARCHAR NOT NULL,
    bytes         BIGINT NOT NULL,
    sha256        VARCHAR NOT NULL,
    fetched_at    TIMESTAMP NOT NULL,
    path          VARCHAR NOT NULL,
    changed       BOOLEAN NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    run_id        VARCHAR
);
COMMENT ON TABLE meta.extracts IS 'Every fetch of every raw file (raw/manifest.jsonl): what was pulled from where and when. Data freshness per source is max(fetched_at).';
COMMENT ON COLUMN meta.extracts.source IS 'Source id (pipelines/sources/<id>.json).';
COMMENT ON COLUMN meta.extracts.role IS 'What the file is for the connector: data, country_codes.';
COMMENT ON COLUMN meta.extracts.location IS 'Where the file was fetched from (credentials redacted).';
COMMENT ON COLUMN meta.extracts.bytes IS 'Size of the file in bytes.';
COMMENT ON COLUMN meta.extracts.sha256 IS 'SHA-256 of the content; the first 16 hex digits are the extract_id of normalized rows.';
COMMENT ON COLUMN meta.extracts.fetched_at IS 'When the fetch finished (UTC).';
COMMENT ON COLUMN meta.extracts.path IS 'Path of the immutable raw copy, relative to the data folder.';
COMMENT ON COLUMN meta.extracts.changed IS 'False when the content was the same as the previous fetch of the source.';
COMMENT ON COLUMN meta.extracts.etag IS 'HTTP ETag of the response, when any.';
COMMENT ON COLUMN meta.extracts.last_modified IS 'HTTP Last-Modified of the response, when any.';
COMMENT ON COLUMN meta.extracts.run_id IS 'Run that made the fetch.';

CREATE TABLE meta.build (
    run_id          VARCHAR NOT NULL,
    fingerprint     VARCHAR NOT NULL,
    built_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    builder_version VARCHAR NOT NULL,
    duckdb_version  VARCHAR NOT NULL,
    mode            VARCHAR NOT NULL,
    previous_run_id VARCHAR,
    memory_limit    VARCHAR NOT NULL,
    threads         BIGINT NOT NULL,
    temp_directory  VARCHAR NOT NULL
);
COMMENT ON TABLE meta.build IS 'The run that built this warehouse file (one row).';
COMMENT ON COLUMN meta.build.run_id IS 'Run id (runs/<run_id>/ holds its ledger).';
COMMENT ON COLUMN meta.build.fingerprint IS 'SHA-256 over the normalized inputs, the SQL and the cluster definitions; an unchanged fingerprint means a rebuild would give the same warehouse.';
COMMENT ON COLUMN meta.build.built_at IS 'When the build ran.';
COMMENT ON COLUMN meta.build.builder_version IS 'Version of the warehouse builder; a build by another version starts from scratch.';
COMMENT ON COLUMN meta.build.duckdb_version IS 'DuckDB version that wrote the file.';
COMMENT ON COLUMN meta.build.mode IS 'full (every model computed from scratch) or incremental (started from the previous build, recomputing what changed: see meta.models).';
COMMENT ON COLUMN meta.build.previous_run_id IS 'The build an incremental build started from; NULL for a full build.';
COMMENT ON COLUMN meta.build.memory_limit IS 'DuckDB memory limit during the build (pipelines/warehouse.json duckdb.memory_limit); work beyond it spilled to temp_directory.';
COMMENT ON COLUMN meta.build.threads IS 'DuckDB threads during the build (duckdb.threads).';
COMMENT ON COLUMN meta.build.temp_directory IS 'Where DuckDB spilled during the build (duckdb.temp_directory; by default the run''s folder under .staging/, removed after).';

CREATE TABLE meta.lake_partitions (
    table_name  VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    year        INTEGER,
    files       INTEGER NOT NULL,
    bytes       BIGINT NOT NULL,
    fingerprint VARCHAR NOT NULL
);
COMMENT ON TABLE meta.lake_partitions IS 'The lake the build read: every partition of every lake table (a source, or a year of it) with a hash of its files. The next build compares them to recompute only the tables and years that changed.';
COMMENT ON COLUMN meta.lake_partitions.table_name IS 'Lake table (lake.<table_name> in this warehouse; lake/normalized/<table_name>/ on disk), or quarantine.';
COMMENT ON COLUMN meta.lake_partitions.source_id IS 'Source that wrote the partition (source=<id>).';
COMMENT ON COLUMN meta.lake_partitions.year IS 'Year of the partition (year=<yyyy>); NULL for tables not partitioned by year.';
COMMENT ON COLUMN meta.lake_partitions.files IS 'Parquet files in the partition.';
COMMENT ON COLUMN meta.lake_partitions.bytes IS 'Size of those files in bytes.';
COMMENT ON COLUMN meta.lake_partitions.fingerprint IS 'First 16 hex digits of a SHA-256 over the names and contents of the files.';

CREATE TABLE meta.models (
    model          VARCHAR NOT NULL,
    materialized   VARCHAR NOT NULL,
    partition_by   VARCHAR,
    lookback_years VARCHAR,
    sql_hash       VARCHAR NOT NULL,
    depends_on     VARCHAR[] NOT NULL,
    rows           BIGINT,
    recomputed     VARCHAR NOT NULL,
    changed        VARCHAR NOT NULL,
    seconds        DOUBLE NOT NULL
);
COMMENT ON TABLE meta.models IS 'Every model of the build: how it is stored, what it reads, and what this build recomputed and changed in it.';
COMMENT ON COLUMN meta.models.model IS 'Model (layer.name), defined by sql/<layer>/<name>.sql.';
COMMENT ON COLUMN meta.models.materialized IS 'table (computed at build time) or view (computed when queried, over the lake or other models).';
COMMENT ON COLUMN meta.models.partition_by IS 'Year column a table is rebuilt by, year by year; NULL when any change rebuilds it whole.';
COMMENT ON COLUMN meta.models.lookback_years IS 'Years back a year''s rows read (a number, or the warehouse setting that gives it); NULL without partition_by.';
COMMENT ON COLUMN meta.models.sql_hash IS 'Hash of the query and its config; a model whose hash changed is rebuilt whole.';
COMMENT ON COLUMN meta.models.depends_on IS 'Everything the query reads: models, ref tables, lake views.';
COMMENT ON COLUMN meta.models.rows IS 'Rows of a table after the build; NULL for a view.';
COMMENT ON COLUMN meta.models.recomputed IS 'What this build computed: all, none (inputs unchanged), the years recomputed (2001, 2002), or view.';
COMMENT ON COLUMN meta.models.changed IS 'What differs from the previous build: all, none, or the years whose rows changed.';
COMMENT ON COLUMN meta.models.seconds IS 'Seconds spent on the model in this build.';

CREATE TABLE meta.runs (
    run_id           VARCHAR NOT NULL,
    stage            VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    rows             BIGINT,
    unit             VARCHAR,
    quarantined_rows BIGINT,
    seconds          DOUBLE,
    error            VARCHAR
);
COMMENT ON TABLE meta.runs IS 'The run ledger (runs/<run_id>/<stage>.json) as of this build: every stage of every run, whichever scheduler or storage ran it. The building run''s own transform and publish rows appear from the next build on.';
COMMENT ON COLUMN meta.runs.run_id IS 'Run id: UTC start time and a random suffix (sorts by time).';
COMMENT ON COLUMN meta.runs.stage IS 'pull, normalize, transform or publish.';
COMMENT ON COLUMN meta.runs.status IS 'succeeded, skipped (inputs unchanged) or failed.';
COMMENT ON COLUMN meta.runs.rows IS 'Rows the stage wrote (files, for pull).';
COMMENT ON COLUMN meta.runs.unit IS 'What rows counts: rows or files.';
COMMENT ON COLUMN meta.runs.quarantined_rows IS 'Rows normalization could not read (staging.stg_quarantine).';
COMMENT ON COLUMN meta.runs.seconds IS 'Duration of the stage in seconds.';
COMMENT ON COLUMN meta.runs.error IS 'One-line reason of a failure, NULL otherwise.';

CREATE TABLE meta.build_extracts (
    build_number       INTEGER NOT NULL,
    first_run_id       VARCHAR NOT NULL,
    last_run_id        VARCHAR NOT NULL,
    source             VARCHAR NOT NULL,
    extract_id         VARCHAR NOT NULL,
    extract_fetched_at TIMESTAMP,
    newest_extract_id  VARCHAR,
    as_of              BOOLEAN NOT NULL
);
COMMENT ON TABLE meta.build_extracts IS 'Which extract of each source the builds of this data folder read, carried from build to build with meta.indicator_history (what marts.release_diffs compares). One number per set of extracts: a build that reads the same extracts as the build before it keeps its number; the largest number is the set this build read. Bounded: only the numbers a release comparison needs are kept (intermediate.int_source_releases).';
COMMENT ON COLUMN meta.build_extracts.build_number IS 'Number of the set of extracts: 1 for the first build of the data folder, the previous number + 1 for a build that reads another extract of some source (a --force build of the same extracts keeps the number).';
COMMENT ON COLUMN meta.build_extracts.first_run_id IS 'Run of the first build that read this set of extracts (runs/<run_id>/).';
COMMENT ON COLUMN meta.build_extracts.last_run_id IS 'Run of the latest build that read it.';
COMMENT ON COLUMN meta.build_extracts.source IS 'Source id (pipelines/sources/<id>.json).';
COMMENT ON COLUMN meta.build_extracts.extract_id IS 'Extract the lake held for the source: the extract_id of its rows (first 16 hex digits of the data file''s SHA-256, or of the hashes of its data files), as `runs --extracts` lists them.';
COMMENT ON COLUMN meta.build_extracts.extract_fetched_at IS 'When that extract was first fetched (UTC, raw/manifest.jsonl); NULL when the manifest no longer says.';
COMMENT ON COLUMN meta.build_extracts.newest_extract_id IS 'The extract of the source''s latest fetch at the time; differs from extract_id in a build made with run --as-of.';
COMMENT ON COLUMN meta.build_extracts.as_of IS 'True when the build read an older extract than the newest fetched (run --as-of SOURCE=EXTRACT_ID).';

CREATE TABLE meta.indicator_history (
    build_number INTEGER NOT NULL,
    snapshot     VARCHAR NOT NULL,
    cluster_id   VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    indicator    VARCHAR NOT NULL,
    value        DOUBLE
);
COMMENT ON TABLE meta.indicator_history IS 'The headline cluster indicators (intermediate.int_cluster_indicators) of the sets of extracts kept in meta.build_extracts: as the first build of each set computed them, and as its latest build did. Written after the models ran: what marts.release_diffs compares this build with.';
COMMENT ON COLUMN meta.indicator_history.build_number IS 'Set of extracts (meta.build_extracts.build_number).';
COMMENT ON COLUMN meta.indicator_history.snapshot IS 'first (the values of the first build of the set, first_run_id) or last (of its latest build, last_run_id).';
COMMENT ON COLUMN meta.indicator_history.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN meta.indicator_history.year IS 'Calendar year.';
COMMENT ON COLUMN meta.indicator_history.indicator IS 'Indicator: <mart>.<column> (intermediate.int_cluster_indicators).';
COMMENT ON COLUMN meta.indicator_history.value IS 'Its value, as DOUBLE; NULL when the mart''s cell was NULL.';
