-- The latest release of each source: the last set of extracts (meta.build_extracts) with another extract of it
-- (previous_build) and the set after that one (current_build: the set this build reads, or an earlier one kept for this
-- comparison), with the two extracts, when each was first fetched, and every source whose extract differs between
-- the two builds (sources_changed: a build in which several sources changed cannot tell which moved what). A source
-- whose extract never changed in this data folder has no row. After the build, the pipeline keeps in meta only this set
-- and the sets named here, so the history stays bounded (1 + 2 x sources sets).
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
    pe.last_run_id AS previous_run_id,
    ce.first_run_id AS current_run_id,
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

COMMENT ON TABLE intermediate.int_source_releases IS 'The latest release of each source whose extract changed between two builds of this data folder: the two sets of extracts marts.release_diffs compares (meta.build_extracts).';
COMMENT ON COLUMN intermediate.int_source_releases.source IS 'Source id (pipelines/sources/<id>.json).';
COMMENT ON COLUMN intermediate.int_source_releases.previous_build IS 'Last set of extracts with the previous extract (meta.build_extracts.build_number).';
COMMENT ON COLUMN intermediate.int_source_releases.current_build IS 'First set with the current extract (the one this build reads, or an earlier kept one).';
COMMENT ON COLUMN intermediate.int_source_releases.previous_run_id IS 'Run of the last build that read previous_build''s extracts.';
COMMENT ON COLUMN intermediate.int_source_releases.current_run_id IS 'Run of the first build that read current_build''s extracts.';
COMMENT ON COLUMN intermediate.int_source_releases.previous_extract_id IS 'Extract of the source in previous_build.';
COMMENT ON COLUMN intermediate.int_source_releases.previous_extract_fetched_at IS 'When that extract was first fetched (UTC).';
COMMENT ON COLUMN intermediate.int_source_releases.current_extract_id IS 'Extract of the source in current_build (and in this build).';
COMMENT ON COLUMN intermediate.int_source_releases.current_extract_fetched_at IS 'When that extract was first fetched (UTC).';
COMMENT ON COLUMN intermediate.int_source_releases.as_of IS 'True when current_build holds an older extract than the newest fetched (run --as-of).';
COMMENT ON COLUMN intermediate.int_source_releases.sources_changed IS 'Every source whose extract differs between the two sets, comma-separated.';
