-- What the latest release of each source revised: the headline cluster indicators (intermediate.int_cluster_indicators)
-- as the last build that read the source's previous extract computed them, against the first build that read its current
-- one (intermediate.int_source_releases; the kept values in meta.indicator_history, carried from build to build). One
-- row per source, cluster, year and indicator that moved by more than a relative 1e-9, or appeared or disappeared. A build
-- in which several sources changed attributes its moves to each of them and names them all in sources_changed, rather
-- than guess. A release stays here, as it came in, until the source's next one; a build made with run --as-of compares
-- the extract it went back to with the one before it (as_of says so), and the next plain run the other way round.
WITH release_extracts AS (
    SELECT * FROM intermediate.int_source_releases
),
previous_values AS (   -- the latest build of the previous set's values
    SELECT r.source, h.cluster_id, h.year, h.indicator, h.value
    FROM release_extracts AS r
    JOIN meta.indicator_history AS h ON h.build_number = r.previous_build AND h.snapshot = 'last'
),
current_values AS (    -- the first build of the current set's values: stored, or this build's when it is that build
    SELECT r.source, h.cluster_id, h.year, h.indicator, h.value
    FROM release_extracts AS r
    JOIN meta.indicator_history AS h ON h.build_number = r.current_build AND h.snapshot = 'first'
    UNION ALL
    SELECT r.source, i.cluster_id, i.year, i.indicator, i.value
    FROM release_extracts AS r CROSS JOIN intermediate.int_cluster_indicators AS i
    WHERE NOT EXISTS (SELECT 1 FROM meta.indicator_history AS h WHERE h.build_number = r.current_build AND h.snapshot = 'first')
),
compared AS (
    SELECT coalesce(p.source, c.source) AS source, coalesce(p.cluster_id, c.cluster_id) AS cluster_id,
           coalesce(p.year, c.year) AS year, coalesce(p.indicator, c.indicator) AS indicator,
           p.value AS previous_value, c.value AS current_value,
           p.value IS NOT NULL AS had_value, c.value IS NOT NULL AS has_value
    FROM previous_values AS p
    FULL JOIN current_values AS c USING (source, cluster_id, year, indicator)
)
SELECT
    c.source,
    c.cluster_id,
    c.year,
    c.indicator,
    c.previous_value,
    c.current_value,
    c.current_value - c.previous_value AS change,
    CASE WHEN c.previous_value <> 0 THEN (c.current_value - c.previous_value) / abs(c.previous_value) END AS relative_change,
    CASE WHEN c.had_value AND c.has_value THEN 'revised' WHEN c.has_value THEN 'appeared' ELSE 'disappeared' END AS revision,
    r.sources_changed,
    r.previous_extract_id,
    r.previous_extract_fetched_at,
    r.current_extract_id,
    r.current_extract_fetched_at,
    r.as_of,
    r.previous_run_id,
    r.current_run_id
FROM compared AS c
JOIN release_extracts AS r USING (source)
WHERE (c.had_value <> c.has_value
       OR (c.had_value AND abs(c.current_value - c.previous_value)
                           > 1e-9 * greatest(abs(c.current_value), abs(c.previous_value))));

COMMENT ON TABLE marts.release_diffs IS 'Revisions made by the latest release (extract) of each source: the headline cluster indicators (intermediate.int_cluster_indicators) of the last build that read its previous extract against the first build that read its current one, one row per source, cluster, year and indicator that moved (relative tolerance 1e-9) or appeared or disappeared. Empty until a source''s extract changes between two builds of the data folder.';
COMMENT ON COLUMN marts.release_diffs.source IS 'Source whose extract changed (pipelines/sources/<id>.json).';
COMMENT ON COLUMN marts.release_diffs.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.release_diffs.year IS 'Year of the indicator that moved.';
COMMENT ON COLUMN marts.release_diffs.indicator IS 'Indicator that moved: <mart>.<column> (intermediate.int_cluster_indicators lists them).';
COMMENT ON COLUMN marts.release_diffs.previous_value IS 'Its value computed from the previous extract (NULL: none, revision = appeared).';
COMMENT ON COLUMN marts.release_diffs.current_value IS 'Its value computed from the current extract (NULL: none, revision = disappeared).';
COMMENT ON COLUMN marts.release_diffs.change IS 'current_value - previous_value; NULL when either is NULL.';
COMMENT ON COLUMN marts.release_diffs.relative_change IS 'change / |previous_value|; NULL when previous_value is NULL or 0.';
COMMENT ON COLUMN marts.release_diffs.revision IS 'revised (both values known and different), appeared (no previous value) or disappeared (no current value).';
COMMENT ON COLUMN marts.release_diffs.sources_changed IS 'Every source whose extract differs between the two builds compared, comma-separated: a move is attributed to each of them when there are several, not to one guessed.';
COMMENT ON COLUMN marts.release_diffs.previous_extract_id IS 'Extract of the source the previous value comes from (meta.build_extracts; `clusteretl extracts SOURCE` lists them).';
COMMENT ON COLUMN marts.release_diffs.previous_extract_fetched_at IS 'When the previous extract was first fetched (UTC).';
COMMENT ON COLUMN marts.release_diffs.current_extract_id IS 'Extract of the source the current value comes from.';
COMMENT ON COLUMN marts.release_diffs.current_extract_fetched_at IS 'When the current extract was first fetched (UTC).';
COMMENT ON COLUMN marts.release_diffs.as_of IS 'True when the current extract is not the newest fetched: the build was made with run --as-of SOURCE=EXTRACT_ID.';
COMMENT ON COLUMN marts.release_diffs.previous_run_id IS 'Run of the last build that read the previous extract.';
COMMENT ON COLUMN marts.release_diffs.current_run_id IS 'Run of the first build that read the current extract.';
