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
    run_id      VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    built_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
COMMENT ON TABLE meta.build IS 'The run that built this warehouse file (one row).';
COMMENT ON COLUMN meta.build.run_id IS 'Run id (runs/<run_id>/ holds its ledger).';
COMMENT ON COLUMN meta.build.fingerprint IS 'SHA-256 over the normalized inputs, the SQL and the cluster definitions; an unchanged fingerprint means a rebuild would give the same warehouse.';
COMMENT ON COLUMN meta.build.built_at IS 'When the build ran.';

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
