-- The Economic Census cells the cluster models read (staging.stg_inegi_census): activity rows with a SCIAN code, totals
-- over size strata only (a stratum row would count twice), one census source per cell (the first source id).
SELECT *
FROM staging.stg_inegi_census
WHERE scian_code IS NOT NULL AND (size_stratum IS NULL OR lower(size_stratum) LIKE 'total%')
QUALIFY row_number() OVER (PARTITION BY census_year, area_level, state_key, municipality_key, scian_code ORDER BY source_id) = 1;

COMMENT ON TABLE intermediate.int_census_cells IS 'Economic Census cells with a SCIAN code, totals over size strata only, one source per census year, area and code (the first source id).';
COMMENT ON COLUMN intermediate.int_census_cells.source_id IS 'Source id (an inegi_census source): the first that holds the cell.';
COMMENT ON COLUMN intermediate.int_census_cells.census_year IS 'Census year (Año Censal).';
COMMENT ON COLUMN intermediate.int_census_cells.state_key IS 'INEGI state key, 2 digits; 00 for the national total.';
COMMENT ON COLUMN intermediate.int_census_cells.state_name IS 'State name (Total nacional for the national total).';
COMMENT ON COLUMN intermediate.int_census_cells.municipality_key IS 'INEGI municipality key, 5 digits; NULL for state and national rows.';
COMMENT ON COLUMN intermediate.int_census_cells.municipality_name IS 'Municipality name as in the export.';
COMMENT ON COLUMN intermediate.int_census_cells.area_level IS 'national, state or municipality.';
COMMENT ON COLUMN intermediate.int_census_cells.size_stratum IS 'NULL, or a Total stratum.';
COMMENT ON COLUMN intermediate.int_census_cells.scian_code IS 'SCIAN code of the activity (3 to 6 digits).';
COMMENT ON COLUMN intermediate.int_census_cells.scian_level IS 'sector, subsector, rama, subrama or clase.';
COMMENT ON COLUMN intermediate.int_census_cells.activity_label IS 'Activity label as published.';
COMMENT ON COLUMN intermediate.int_census_cells.is_total IS 'The row is a published total.';
COMMENT ON COLUMN intermediate.int_census_cells.units IS 'UE: economic units; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.employment IS 'H001A: total persons employed; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.gross_production_mxn_m IS 'A111A: gross production, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.value_added_mxn_m IS 'A131A: census gross value added, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.suppressed IS 'Some measure of the cell was withheld for confidentiality.';
COMMENT ON COLUMN intermediate.int_census_cells.suppressed_columns IS 'Which measures were withheld (UE, H001A, A111A, A131A), comma-separated.';
COMMENT ON COLUMN intermediate.int_census_cells.extract_id IS 'Extract the row came from (meta.extracts).';
