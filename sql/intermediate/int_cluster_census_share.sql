-- Regional share of each cluster from the Economic Census: the cluster's areas (its states, and its municipalities outside those states)
-- over the nation, summed over all of the cluster's SCIAN codes at ONE code level: the most specific level (3 to 6
-- digits, not finer than the cluster's shortest code) at which the census has a row for every code in every area and
-- nationally. Totals only (no size strata); one census source per cell (the first source id). Of employment (H001A) and
-- of gross production (A111A), each NULL only when a cell it uses withholds that measure. Cells, areas and code levels:
-- intermediate.int_census_cells, int_cluster_census_areas, int_cluster_census_codes.
-- config: partition_by=year
WITH census_needed AS (    -- every cell a level needs: each code nationally and in each of the cluster's areas
    SELECT k.cluster_id, y.census_year, k.len, k.code, 'national' AS area_level, '00' AS state_key, NULL::VARCHAR AS municipality_key,
           false AS regional
    FROM intermediate.int_cluster_census_codes AS k CROSS JOIN (SELECT DISTINCT census_year FROM intermediate.int_census_cells) AS y
    WHERE EXISTS (SELECT 1 FROM intermediate.int_cluster_census_areas AS a WHERE a.cluster_id = k.cluster_id)
    UNION ALL
    SELECT k.cluster_id, y.census_year, k.len, k.code, a.area_level, a.state_key, a.municipality_key, true
    FROM intermediate.int_cluster_census_codes AS k JOIN intermediate.int_cluster_census_areas AS a ON a.cluster_id = k.cluster_id
    CROSS JOIN (SELECT DISTINCT census_year FROM intermediate.int_census_cells) AS y
),
census_levels AS (
    SELECT n.cluster_id, n.census_year, n.len,
           count(x.census_year) = count(*)                                                     AS complete,
           sum(x.employment::BIGINT) FILTER (WHERE n.regional)                                         AS region_employment,
           sum(x.employment::BIGINT) FILTER (WHERE NOT n.regional)                                     AS national_employment,
           count(*) FILTER (WHERE x.employment IS NULL)                                        AS employment_withheld,
           sum(x.gross_production_mxn_m::DECIMAL(18, 3)) FILTER (WHERE n.regional)                         AS region_production,
           sum(x.gross_production_mxn_m::DECIMAL(18, 3)) FILTER (WHERE NOT n.regional)                         AS national_production,
           count(*) FILTER (WHERE x.gross_production_mxn_m IS NULL)                            AS production_withheld,
           string_agg(DISTINCT n.code, ', ' ORDER BY n.code)                                  AS codes,
           count(DISTINCT coalesce(n.municipality_key, n.state_key)) FILTER (WHERE n.regional) AS areas
    FROM census_needed AS n
    LEFT JOIN intermediate.int_census_cells AS x
      ON x.census_year = n.census_year AND x.area_level = n.area_level AND x.state_key = n.state_key
     AND x.municipality_key IS NOT DISTINCT FROM n.municipality_key AND x.scian_code = n.code
    GROUP BY ALL
)
SELECT cluster_id, census_year AS year, codes AS census_scian_codes, areas,
       CASE WHEN employment_withheld = 0 THEN region_employment / nullif(national_employment, 0) END         AS regional_share,
       CASE WHEN production_withheld = 0 THEN region_production / nullif(national_production, 0) END         AS regional_output_share,
       employment_withheld > 0 AS employment_withheld,
       production_withheld > 0 AS production_withheld
FROM census_levels
WHERE complete
QUALIFY row_number() OVER (PARTITION BY cluster_id, census_year ORDER BY len DESC) = 1;

COMMENT ON TABLE intermediate.int_cluster_census_share IS 'Each cluster''s share of national employment and gross production in the Economic Census (its areas over the nation, its SCIAN codes at one code level), per census year.';
COMMENT ON COLUMN intermediate.int_cluster_census_share.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN intermediate.int_cluster_census_share.year IS 'Census year.';
COMMENT ON COLUMN intermediate.int_cluster_census_share.census_scian_codes IS 'The SCIAN codes summed, at the level chosen (comma-separated).';
COMMENT ON COLUMN intermediate.int_cluster_census_share.areas IS 'The cluster''s areas (states, and municipalities outside those states) in the share.';
COMMENT ON COLUMN intermediate.int_cluster_census_share.regional_share IS 'Share of national employment (H001A); NULL when a cell it uses withholds employment.';
COMMENT ON COLUMN intermediate.int_cluster_census_share.regional_output_share IS 'Share of national gross production (A111A); NULL when a cell it uses withholds production.';
COMMENT ON COLUMN intermediate.int_cluster_census_share.employment_withheld IS 'True when a cell the level uses withholds employment (confidential).';
COMMENT ON COLUMN intermediate.int_cluster_census_share.production_withheld IS 'True when a cell the level uses withholds gross production.';
