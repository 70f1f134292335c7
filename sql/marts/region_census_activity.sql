-- The Economic Census below the national level: every state and municipality cell of the census exports (totals over
-- size strata, one source per cell: intermediate.int_census_cells), per census year and SCIAN code at the levels the
-- export publishes, with its location quotient and its shares of the national cell. The definitions are the project's
-- (docs/indicators.md, "Location quotient" and "Mexico below the national level"), with the census's own national cells
-- as the nation: LQ = (e_rs / e_r) / (e_Ns / e_N), e_r and e_N the all-activities totals of the area and of the nation.
-- A cell the census withholds stays NULL with suppressed_reason 'confidential'; whatever is computed from it is NULL
-- too, and notes says why, never 0.
WITH cells AS (        -- the state and municipality cells of an activity
    SELECT * FROM intermediate.int_census_cells
    WHERE area_level IN ('state', 'municipality') AND scian_code IS NOT NULL
),
area_totals AS (       -- all activities of each area and of the nation (the export's Total rows)
    SELECT census_year, area_level, state_key, municipality_key, employment
    FROM intermediate.int_census_cells
    WHERE scian_code IS NULL
),
national AS (          -- the national cell of each activity
    SELECT census_year, scian_code, employment, gross_production_mxn_m
    FROM intermediate.int_census_cells
    WHERE area_level = 'national' AND scian_code IS NOT NULL
)
SELECT
    c.census_year                                                               AS year,
    c.area_level,
    c.state_key,
    c.state_name,
    c.municipality_key,
    c.municipality_name,
    c.scian_code,
    c.scian_level,
    c.activity_label,
    c.units,
    c.employment,
    c.gross_production_mxn_m,
    c.value_added_mxn_m,
    CASE WHEN c.suppressed THEN 'confidential' END                              AS suppressed_reason,
    c.suppressed_columns                                                        AS withheld_measures,
    a.employment                                                                AS area_employment,
    n.employment                                                                AS national_employment,
    t.employment                                                                AS national_all_employment,
    (c.employment / nullif(a.employment, 0)) / nullif(n.employment / nullif(t.employment, 0), 0) AS location_quotient,
    c.employment / nullif(n.employment, 0)                                      AS share_of_national_employment,
    c.gross_production_mxn_m / nullif(n.gross_production_mxn_m, 0)             AS share_of_national_production,
    nullif(concat_ws('; ',
        CASE WHEN c.employment IS NULL
             THEN 'employment (H001A) withheld (confidential): location_quotient and share_of_national_employment NULL' END,
        CASE WHEN c.suppressed AND c.gross_production_mxn_m IS NULL
             THEN 'gross production (A111A) withheld (confidential): share_of_national_production NULL' END,
        CASE WHEN n.scian_code IS NULL
             THEN 'no national cell of SCIAN ' || c.scian_code || ' in the export: shares and location_quotient NULL'
             WHEN n.employment IS NULL THEN 'national employment of SCIAN ' || c.scian_code || ' withheld' END,
        CASE WHEN a.census_year IS NULL
             THEN 'no all-activities total of the ' || c.area_level || ' in the export: location_quotient NULL'
             WHEN a.employment IS NULL THEN 'all-activities employment of the ' || c.area_level || ' withheld: location_quotient NULL' END,
        CASE WHEN t.census_year IS NULL THEN 'no national all-activities total in the export: location_quotient NULL'
             WHEN t.employment IS NULL THEN 'national all-activities employment withheld: location_quotient NULL' END
    ), '')                                                                      AS notes
FROM cells AS c
LEFT JOIN area_totals AS a
  ON a.census_year = c.census_year AND a.area_level = c.area_level AND a.state_key = c.state_key
 AND a.municipality_key IS NOT DISTINCT FROM c.municipality_key
LEFT JOIN national AS n ON n.census_year = c.census_year AND n.scian_code = c.scian_code
LEFT JOIN area_totals AS t ON t.census_year = c.census_year AND t.area_level = 'national';

COMMENT ON TABLE marts.region_census_activity IS 'Economic Census cells of every state and municipality in the census exports, per census year and SCIAN code at the levels published: units, employment, gross production, value added, location quotient and shares of the national cell; a withheld cell is NULL with suppressed_reason, never zero.';
COMMENT ON COLUMN marts.region_census_activity.year IS 'Census year (Año Censal).';
COMMENT ON COLUMN marts.region_census_activity.area_level IS 'state or municipality (the national cells are the base: national_employment, national_all_employment).';
COMMENT ON COLUMN marts.region_census_activity.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN marts.region_census_activity.state_name IS 'State name (ref.mx_geo, else as in the export).';
COMMENT ON COLUMN marts.region_census_activity.municipality_key IS 'INEGI municipality key, 5 digits; NULL on a state row.';
COMMENT ON COLUMN marts.region_census_activity.municipality_name IS 'Municipality name as in the export; NULL on a state row.';
COMMENT ON COLUMN marts.region_census_activity.scian_code IS 'SCIAN code as published: a sector (31-33), subsector (3 digits), rama (4), subrama (5) or clase (6).';
COMMENT ON COLUMN marts.region_census_activity.scian_level IS 'sector, subsector, rama, subrama or clase.';
COMMENT ON COLUMN marts.region_census_activity.activity_label IS 'Activity label as published.';
COMMENT ON COLUMN marts.region_census_activity.units IS 'UE: economic units; NULL when withheld.';
COMMENT ON COLUMN marts.region_census_activity.employment IS 'H001A: total persons employed; NULL when withheld (see suppressed_reason).';
COMMENT ON COLUMN marts.region_census_activity.gross_production_mxn_m IS 'A111A: gross production, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN marts.region_census_activity.value_added_mxn_m IS 'A131A: census gross value added, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN marts.region_census_activity.suppressed_reason IS 'confidential when the census withheld a measure of the cell (blank or marked C in the export: fewer than 3 units or a dominant unit); NULL when every measure is published.';
COMMENT ON COLUMN marts.region_census_activity.withheld_measures IS 'The measures withheld (UE, H001A, A111A, A131A), comma-separated; NULL when none.';
COMMENT ON COLUMN marts.region_census_activity.area_employment IS 'e_r: employment (H001A) of all activities in the area (the export''s Total row of the state or municipality); NULL when the export has no such row or withholds it.';
COMMENT ON COLUMN marts.region_census_activity.national_employment IS 'e_Ns: national employment (H001A) of the SCIAN code (the export''s Total nacional row of the activity); NULL when absent or withheld.';
COMMENT ON COLUMN marts.region_census_activity.national_all_employment IS 'e_N: national employment (H001A) of all activities (Total nacional, Total activity row); NULL when absent or withheld.';
COMMENT ON COLUMN marts.region_census_activity.location_quotient IS 'LQ = (e_rs / e_r) / (e_Ns / e_N) on census employment: r the area, s the SCIAN code, N the nation (the census''s national cells); NULL when any of the four is withheld or not in the export (see notes).';
COMMENT ON COLUMN marts.region_census_activity.share_of_national_employment IS 'e_rs / e_Ns: the area''s share of the code''s national employment; NULL when either is withheld or absent.';
COMMENT ON COLUMN marts.region_census_activity.share_of_national_production IS 'The area''s share of the code''s national gross production (A111A); NULL when either is withheld or absent.';
COMMENT ON COLUMN marts.region_census_activity.notes IS 'Why location_quotient or a share is NULL: which cell is withheld (confidential) or not in the export; NULL when all are computed.';
