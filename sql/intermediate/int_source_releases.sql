-- The latest release of each source: the last kept build that read another extract of it (previous_build) and the first
-- build after that one (current_build: this build, or an earlier build kept for this comparison), from
-- meta.build_extracts, with the two extracts, when each was first fetched, and every source whose extract differs between
-- the two builds (sources_changed: a build in which several sources changed cannot tell which moved what). A source
-- whose extract never changed in this data folder has no row. After the build, the pipeline keeps in meta only this build
-- and the builds named here, so the history stays bounded (1 + 2 x sources builds).
WITH current_build AS (
    SELECT max(build_number) AS build_number FROM meta.build_extracts
),
now_extracts AS (
    SELECT e.source, e.extract_id
    FROM meta.build_extracts AS e JOIN current_build AS b USING (build_number)
),
previous_release AS (
    SELECT n.source, max(e.build_number) AS previous_build
    FROM now_extracts AS n
    JOIN meta.build_extracts AS e ON e.source = n.source AND e.extract_id <> n.extract_id
    GROUP BY n.source
),
releases AS (
    SELECT p.source, p.previous_build, min(b.build_number) AS current_build
    FROM previous_release AS p JOIN meta.build_extracts AS b ON b.build_number > p.previous_build
    GROUP BY p.source, p.previous_build
),
attribution AS (
    SELECT r.source, string_agg(DISTINCT c.source, ', ' ORDER BY c.source) AS sources_changed
    FROM releases AS r
    JOIN meta.build_extracts AS c ON c.build_number = r.current_build
    LEFT JOIN meta.build_extracts AS p ON p.build_number = r.previous_build AND p.source = c.source
    WHERE p.extract_id IS DISTINCT FROM c.extract_id
    GROUP BY r.source
)
SELECT
    r.source,
    r.previous_build,
    r.current_build,
    pe.run_id AS previous_run_id,
    ce.run_id AS current_run_id,
    pe.extract_id AS previous_extract_id,
    pe.extract_fetched_at AS previous_extract_fetched_at,
    ce.extract_id AS current_extract_id,
    ce.extract_fetched_at AS current_extract_fetched_at,
    ce.as_of,
    a.sources_changed
FROM releases AS r
JOIN meta.build_extracts AS pe ON pe.build_number = r.previous_build AND pe.source = r.source
JOIN meta.build_extracts AS ce ON ce.build_number = r.current_build AND ce.source = r.source
JOIN attribution AS a ON a.source = r.source;

COMMENT ON TABLE intermediate.int_source_releases IS 'The latest release of each source whose extract changed between two builds of this data folder: the two builds marts.release_diffs compares and their extracts (meta.build_extracts).';
COMMENT ON COLUMN intermediate.int_source_releases.source IS 'Source id (pipelines/sources/<id>.json).';
COMMENT ON COLUMN intermediate.int_source_releases.previous_build IS 'Last build that read the previous extract (meta.build_extracts.build_number).';
COMMENT ON COLUMN intermediate.int_source_releases.current_build IS 'First build that read the current extract (this build or an earlier kept one).';
COMMENT ON COLUMN intermediate.int_source_releases.previous_run_id IS 'Run of previous_build.';
COMMENT ON COLUMN intermediate.int_source_releases.current_run_id IS 'Run of current_build.';
COMMENT ON COLUMN intermediate.int_source_releases.previous_extract_id IS 'Extract of the source read by previous_build.';
COMMENT ON COLUMN intermediate.int_source_releases.previous_extract_fetched_at IS 'When that extract was first fetched (UTC).';
COMMENT ON COLUMN intermediate.int_source_releases.current_extract_id IS 'Extract of the source read by current_build (and by this build).';
COMMENT ON COLUMN intermediate.int_source_releases.current_extract_fetched_at IS 'When that extract was first fetched (UTC).';
COMMENT ON COLUMN intermediate.int_source_releases.as_of IS 'True when current_build read an older extract than the newest fetched (run --as-of).';
COMMENT ON COLUMN intermediate.int_source_releases.sources_changed IS 'Every source whose extract differs between the two builds, comma-separated.';
