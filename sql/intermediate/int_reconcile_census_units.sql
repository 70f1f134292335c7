-- Cross-source check: the DENUE establishments of each cluster (intermediate.int_cluster_establishments: its SCIAN codes
-- in its regions) against the Economic Census's economic units (UE) of the same activities and areas. The census is read
-- at the most specific code level (3 digits to the cluster's shortest code) at which it has a cell for every code in
-- every area (intermediate.int_cluster_census_areas; the national total for a Mexican cluster without regions), one source per
-- cell (intermediate.int_census_cells). Each census year is compared with the DENUE snapshot nearest to it (ties: the
-- later snapshot), and each snapshot is used only for the census year nearest to it, so a 2024 register is not
-- compared with the 1999 census when 2019 is there. A snapshot covers a cluster when it holds establishments (of any
-- activity) in one of the cluster's states. No snapshot covering it or no complete census level: no row. Reasons:
--   product_coverage   the census level is coarser than the cluster's codes: it counts a wider activity than DENUE
--   confidential_cell  a census cell withholds UE (fewer than 3 units): the units are NULL, never a partial sum
-- Rows in the shape of marts.source_reconciliation.
WITH areas AS (
    SELECT cluster_id, area_level, state_key, municipality_key FROM intermediate.int_cluster_census_areas
    UNION ALL
    SELECT DISTINCT s.cluster_id, 'national', '00', NULL FROM ref.cluster_scian AS s
    JOIN ref.clusters AS k ON k.cluster_id = s.cluster_id AND k.country_iso3 = 'MEX'     -- the census and DENUE are Mexico's
    WHERE NOT EXISTS (SELECT 1 FROM intermediate.int_cluster_census_areas AS a WHERE a.cluster_id = s.cluster_id)
),
needed AS (            -- every cell a level needs: each code in each area, each census year
    SELECT k.cluster_id, y.census_year, k.len, k.code, a.area_level, a.state_key, a.municipality_key
    FROM intermediate.int_cluster_census_codes AS k
    JOIN areas AS a USING (cluster_id)
    CROSS JOIN (SELECT DISTINCT census_year FROM intermediate.int_census_cells) AS y
),
levels AS (
    SELECT n.cluster_id, n.census_year, n.len,
           count(x.census_year) = count(*)                                            AS complete,
           sum(x.units)                                                                AS units,
           count(*) FILTER (WHERE x.units IS NULL)                                     AS units_withheld,
           count(*)                                                                    AS cells,
           string_agg(DISTINCT n.code, ', ' ORDER BY n.code)                          AS codes,
           string_agg(DISTINCT coalesce(n.municipality_key, n.state_key), ', ' ORDER BY coalesce(n.municipality_key, n.state_key)) AS area_keys
    FROM needed AS n
    LEFT JOIN intermediate.int_census_cells AS x
      ON x.census_year = n.census_year AND x.area_level = n.area_level AND x.state_key = n.state_key
     AND x.municipality_key IS NOT DISTINCT FROM n.municipality_key AND x.scian_code = n.code
    GROUP BY ALL
),
census AS (            -- the most specific complete level per cluster and census year
    SELECT * FROM levels WHERE complete
    QUALIFY row_number() OVER (PARTITION BY cluster_id, census_year ORDER BY len DESC) = 1
),
covered AS (           -- the snapshots that cover the cluster's areas: some establishment in one of its states (any, without regions)
    SELECT DISTINCT a.cluster_id, d.snapshot_year
    FROM areas AS a
    JOIN intermediate.int_denue_establishments AS d ON a.state_key IN ('00', d.state_key)
),
denue AS (             -- the cluster's establishments in every snapshot that covers it (0 when it has none there)
    SELECT s.cluster_id, s.snapshot_year, count(DISTINCT e.establishment_id) AS establishments
    FROM covered AS s
    LEFT JOIN intermediate.int_cluster_establishments AS e
           ON e.cluster_id = s.cluster_id AND e.snapshot_year = s.snapshot_year
    GROUP BY ALL
),
pairs AS (             -- each snapshot with its nearest census year, then each census year with its nearest snapshot
    SELECT c.*, d.snapshot_year, d.establishments
    FROM census AS c
    JOIN denue AS d USING (cluster_id)
    QUALIFY row_number() OVER (PARTITION BY c.cluster_id, d.snapshot_year
                               ORDER BY abs(d.snapshot_year - c.census_year), c.census_year DESC) = 1
),
paired AS (
    SELECT * FROM pairs
    QUALIFY row_number() OVER (PARTITION BY cluster_id, census_year
                               ORDER BY abs(snapshot_year - census_year), snapshot_year DESC) = 1
),
shortest AS (
    SELECT cluster_id, min(length(scian_code)) AS code_length FROM ref.cluster_scian GROUP BY cluster_id
)
SELECT
    p.cluster_id,
    p.census_year                                                                     AS year,
    'denue_census_units'                                                              AS check_name,
    'establishments'                                                                  AS unit,
    'DENUE snapshot ' || p.snapshot_year                                               AS left_source,
    p.establishments::DOUBLE                                                          AS left_value,
    'Economic Census ' || p.census_year || ' (UE)'                                    AS right_source,
    CASE WHEN p.units_withheld = 0 THEN p.units END::DOUBLE                           AS right_value,
    'discrepancy'                                                                     AS gap_measure,
    getvariable('census_discrepancy_threshold')::DOUBLE                               AS threshold,
    nullif(concat_ws(', ',
        CASE WHEN p.len < s.code_length THEN 'product_coverage' END,
        CASE WHEN p.units_withheld > 0 THEN 'confidential_cell' END), '')             AS reason_code,
    nullif(concat_ws('; ',
        CASE WHEN p.len < s.code_length
             THEN 'census read at ' || p.len || ' digits (' || p.codes || '), coarser than the cluster''s '
                  || s.code_length || '-digit codes' END,
        CASE WHEN p.units_withheld > 0
             THEN 'UE withheld in ' || p.units_withheld || ' of ' || p.cells || ' census cells; the others hold '
                  || coalesce(p.units, 0) || ' units' END), '')                         AS reason_detail,
    'SCIAN ' || p.codes || ' in areas ' || p.area_keys || '; DENUE ' || p.snapshot_year
        || ' against census ' || p.census_year                                        AS compared,
    NULL::VARCHAR                                                                     AS largest_partner_gaps
FROM paired AS p
JOIN shortest AS s USING (cluster_id);

COMMENT ON TABLE intermediate.int_reconcile_census_units IS 'Cross-source check rows: DENUE establishments of each cluster (its SCIAN codes in its regions) against the Economic Census units (UE) of the same activities and areas, each census year with its nearest DENUE snapshot (marts.source_reconciliation).';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.year IS 'Census year.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.check_name IS 'denue_census_units.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.unit IS 'establishments (DENUE) and economic units (census): both count establishments.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.left_source IS 'DENUE and the snapshot year compared.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.left_value IS 'The cluster''s DENUE establishments in the snapshot (0 when it has none there).';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.right_source IS 'Economic Census and its year.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.right_value IS 'Census economic units (UE) of the cluster''s codes at the level read, in its areas; NULL when a cell withholds UE (confidential_cell).';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.gap_measure IS 'discrepancy: |left - right| / (left + right).';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.threshold IS 'census_discrepancy_threshold (ref.settings).';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.reason_code IS 'Known causes that apply (comma-separated): product_coverage, confidential_cell; NULL when none.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.reason_detail IS 'The facts behind each reason code (cells withheld and the units of the others; the census level read).';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.compared IS 'SCIAN codes and areas read in the census, and the DENUE snapshot and census years compared.';
COMMENT ON COLUMN intermediate.int_reconcile_census_units.largest_partner_gaps IS 'NULL (partners are compared by the mirror check only).';
