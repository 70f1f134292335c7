-- The municipalities of each Mexican cluster, ranked: per cluster and year, every municipality of its regions (its
-- states, and municipalities it names) with a census cell or DENUE establishments of its SCIAN activities, with the
-- census's and DENUE's employment, location quotients and shares of national side by side
-- (intermediate.int_cluster_municipality_census, int_cluster_municipality_denue).
-- Years: every census year and every DENUE snapshot year of the cluster. A row carries the census in force (the newest
-- census year at or before the row's year: census_year) and the DENUE snapshot of its own year (NULL otherwise).
-- Rank: by census employment, else (withheld, not in the export, or no census yet) by DENUE's employment midpoint;
-- rank_basis says which; ties go to the lower municipality key; no figure, no rank. docs/indicators.md, "Mexico below the
-- national level".
WITH years AS (
    SELECT cluster_id, year FROM intermediate.int_cluster_municipality_census
    UNION
    SELECT cluster_id, year FROM intermediate.int_cluster_municipality_denue
),
census_in_force AS (   -- each row year's census: the newest census year at or before it
    SELECT y.cluster_id, y.year,
           (SELECT max(c.year) FROM intermediate.int_cluster_municipality_census AS c
            WHERE c.cluster_id = y.cluster_id AND c.year <= y.year) AS census_year
    FROM years AS y
),
areas AS (             -- the municipalities of a row year: in its census or in its DENUE snapshot
    SELECT f.cluster_id, f.year, f.census_year, c.municipality_key
    FROM census_in_force AS f
    JOIN intermediate.int_cluster_municipality_census AS c ON c.cluster_id = f.cluster_id AND c.year = f.census_year
    UNION
    SELECT f.cluster_id, f.year, f.census_year, d.municipality_key
    FROM census_in_force AS f
    JOIN intermediate.int_cluster_municipality_denue AS d ON d.cluster_id = f.cluster_id AND d.year = f.year
),
side_by_side AS (
    SELECT a.cluster_id, a.year, left(a.municipality_key, 2) AS state_key, a.municipality_key,
           coalesce(g.name, c.municipality_name, d.municipality_name) AS municipality_name,
           a.census_year, cs.census_scian_codes, c.units, c.employment, c.gross_production_mxn_m,
           CASE WHEN a.census_year IS NULL THEN 'no_census'
                WHEN c.cluster_id IS NULL THEN 'not_in_export'
                ELSE c.employment_null_reason END                     AS census_employment_null_reason,
           c.location_quotient AS census_lq, c.share_of_national_employment, c.share_of_national_production,
           d.year AS denue_year, d.establishments, d.employment_low, d.employment_mid, d.employment_high,
           d.location_quotient AS denue_lq, d.share_of_national AS denue_share,
           coalesce(c.employment::DOUBLE, d.employment_mid)           AS rank_measure,
           CASE WHEN c.employment IS NOT NULL THEN 'census' WHEN d.employment_mid IS NOT NULL THEN 'denue_mid' END AS rank_basis
    FROM areas AS a
    LEFT JOIN intermediate.int_cluster_municipality_census AS c
      ON c.cluster_id = a.cluster_id AND c.year = a.census_year AND c.municipality_key = a.municipality_key
    LEFT JOIN intermediate.int_cluster_municipality_denue AS d
      ON d.cluster_id = a.cluster_id AND d.year = a.year AND d.municipality_key = a.municipality_key
    LEFT JOIN intermediate.int_cluster_census_share AS cs ON cs.cluster_id = a.cluster_id AND cs.year = a.census_year
    LEFT JOIN ref.mx_geo AS g ON g.inegi_key = a.municipality_key AND g.level = 'municipality'
)
SELECT
    cluster_id,
    year,
    state_key,
    municipality_key,
    municipality_name,
    CASE WHEN rank_measure IS NOT NULL
         THEN row_number() OVER (PARTITION BY cluster_id, year ORDER BY rank_measure DESC NULLS LAST, municipality_key) END AS rank,
    rank_basis,
    rank_measure,
    census_year,
    census_scian_codes,
    units                                   AS census_units,
    employment                              AS census_employment,
    gross_production_mxn_m                  AS census_gross_production_mxn_m,
    census_employment_null_reason,
    census_lq                               AS census_location_quotient,
    share_of_national_employment            AS census_share_of_national_employment,
    share_of_national_production            AS census_share_of_national_production,
    denue_year,
    establishments                          AS denue_establishments,
    employment_low                          AS denue_employment_low,
    employment_mid                          AS denue_employment_mid,
    employment_high                         AS denue_employment_high,
    denue_lq                                AS denue_location_quotient,
    denue_share                             AS denue_share_of_national
FROM side_by_side;

COMMENT ON TABLE marts.cluster_municipalities IS 'The municipalities of each Mexican cluster''s regions per year (census years and DENUE snapshot years), with census and DENUE employment of its SCIAN activities, location quotients and shares of national side by side, ranked (census employment, else DENUE midpoint).';
COMMENT ON COLUMN marts.cluster_municipalities.cluster_id IS 'Cluster id (ref.clusters; Mexican clusters with SCIAN codes and INEGI regions).';
COMMENT ON COLUMN marts.cluster_municipalities.year IS 'A census year or a DENUE snapshot year of the cluster.';
COMMENT ON COLUMN marts.cluster_municipalities.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN marts.cluster_municipalities.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN marts.cluster_municipalities.municipality_name IS 'Municipality name (ref.mx_geo, else as in the census export or DENUE).';
COMMENT ON COLUMN marts.cluster_municipalities.rank IS 'Rank among the cluster''s municipalities of the year by rank_measure, largest first (1 = largest); ties go to the lower municipality key; NULL when the municipality has neither figure.';
COMMENT ON COLUMN marts.cluster_municipalities.rank_basis IS 'census: ranked by census_employment; denue_mid: census employment NULL (see census_employment_null_reason), ranked by denue_employment_mid; NULL: no rank.';
COMMENT ON COLUMN marts.cluster_municipalities.rank_measure IS 'The figure ranked: census_employment, else denue_employment_mid (persons).';
COMMENT ON COLUMN marts.cluster_municipalities.census_year IS 'The census in force: the newest census year at or before year with the cluster''s codes in its areas and nationally; NULL when none.';
COMMENT ON COLUMN marts.cluster_municipalities.census_scian_codes IS 'The SCIAN codes of the census figures: the cluster''s codes at the level of its regional share (marts.cluster_concentration), comma-separated.';
COMMENT ON COLUMN marts.cluster_municipalities.census_units IS 'Census economic units (UE) of those codes; NULL when withheld or not in the export.';
COMMENT ON COLUMN marts.cluster_municipalities.census_employment IS 'Census employment (H001A) of those codes in the municipality; NULL with census_employment_null_reason, never zero.';
COMMENT ON COLUMN marts.cluster_municipalities.census_gross_production_mxn_m IS 'Census gross production (A111A) of those codes, millions of current pesos; NULL when a cell withholds it or is not in the export.';
COMMENT ON COLUMN marts.cluster_municipalities.census_employment_null_reason IS 'Why census_employment is NULL: confidential (the census withheld a cell), not_in_export (a code has no cell for the municipality: no units, or not exported), no_census (no census year at or before year covers the cluster); NULL when known.';
COMMENT ON COLUMN marts.cluster_municipalities.census_location_quotient IS 'LQ = (e_ms / e_m) / (e_Ns / e_N) on census employment: the codes s in the municipality m against the nation N (the census''s national cells and Total rows); NULL when a term is withheld or not in the export.';
COMMENT ON COLUMN marts.cluster_municipalities.census_share_of_national_employment IS 'e_ms / e_Ns: the municipality''s share of national census employment of the codes.';
COMMENT ON COLUMN marts.cluster_municipalities.census_share_of_national_production IS 'The municipality''s share of national census gross production (A111A) of the codes.';
COMMENT ON COLUMN marts.cluster_municipalities.denue_year IS 'Year of the DENUE snapshot of the row (= year); NULL when the year has no snapshot.';
COMMENT ON COLUMN marts.cluster_municipalities.denue_establishments IS 'DENUE establishments of the cluster''s activities (classes starting with its SCIAN codes) in the municipality; NULL without a snapshot or establishments.';
COMMENT ON COLUMN marts.cluster_municipalities.denue_employment_low IS 'Their employment, lower estimate (band lower bounds).';
COMMENT ON COLUMN marts.cluster_municipalities.denue_employment_mid IS 'Their employment, central estimate (band midpoints; 376.5 for 251 y más).';
COMMENT ON COLUMN marts.cluster_municipalities.denue_employment_high IS 'Their employment, upper estimate; NULL with an establishment in the open band 251 y más.';
COMMENT ON COLUMN marts.cluster_municipalities.denue_location_quotient IS 'LQ = (e_ms / e_m) / (e_Ns / e_N) on DENUE employment midpoints, N everything in the snapshot''s DENUE extracts (national with a national download).';
COMMENT ON COLUMN marts.cluster_municipalities.denue_share_of_national IS 'e_ms / e_Ns on DENUE midpoints: the municipality''s share of the cluster''s activities in the snapshot''s DENUE extracts.';
