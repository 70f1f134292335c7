-- The Economic Census cells the marts use, one per census year, area (national, state, municipality) and SCIAN code:
-- totals over size strata only (a stratum row would count twice), from one census source per cell (the first source id),
-- and each area's all-activities total (scian_code NULL) kept beside its activities, as the base of location quotients.
-- Withheld measures stay NULL with suppressed set (staging.stg_inegi_census); docs/indicators.md, "Mexico below the
-- national level".
SELECT
    census_year,
    area_level,
    state_key,
    state_name,
    municipality_key,
    municipality_name,
    scian_code,
    scian_level,
    activity_label,
    units,
    employment,
    gross_production_mxn_m,
    value_added_mxn_m,
    suppressed,
    suppressed_columns,
    source_id
FROM staging.stg_inegi_census
WHERE size_stratum IS NULL OR lower(size_stratum) LIKE 'total%'
QUALIFY row_number() OVER (PARTITION BY census_year, area_level, state_key, municipality_key, scian_code
                           ORDER BY source_id, activity_label) = 1;

COMMENT ON TABLE intermediate.int_census_cells IS 'Economic Census cells per census year, area and SCIAN code (totals over size strata, the first source id per cell), with each area''s all-activities total as scian_code NULL; withheld measures NULL, never zero.';
COMMENT ON COLUMN intermediate.int_census_cells.census_year IS 'Census year (Año Censal).';
COMMENT ON COLUMN intermediate.int_census_cells.area_level IS 'national, state or municipality.';
COMMENT ON COLUMN intermediate.int_census_cells.state_key IS 'INEGI state key, 2 digits; 00 for the national total.';
COMMENT ON COLUMN intermediate.int_census_cells.state_name IS 'State name (Total nacional for the national total).';
COMMENT ON COLUMN intermediate.int_census_cells.municipality_key IS 'INEGI municipality key, 5 digits; NULL for state and national cells.';
COMMENT ON COLUMN intermediate.int_census_cells.municipality_name IS 'Municipality name as in the export.';
COMMENT ON COLUMN intermediate.int_census_cells.scian_code IS 'SCIAN code (3 to 6 digits, or a sector such as 31-33); NULL for the area''s all-activities total.';
COMMENT ON COLUMN intermediate.int_census_cells.scian_level IS 'sector, subsector, rama, subrama or clase; NULL for the all-activities total.';
COMMENT ON COLUMN intermediate.int_census_cells.activity_label IS 'Activity label as published.';
COMMENT ON COLUMN intermediate.int_census_cells.units IS 'UE: economic units; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.employment IS 'H001A: total persons employed; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.gross_production_mxn_m IS 'A111A: gross production, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.value_added_mxn_m IS 'A131A: census gross value added, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN intermediate.int_census_cells.suppressed IS 'Some measure of the cell was withheld for confidentiality (blank or marked C in the export).';
COMMENT ON COLUMN intermediate.int_census_cells.suppressed_columns IS 'Which measures were withheld (UE, H001A, A111A, A131A), comma-separated; NULL when none.';
COMMENT ON COLUMN intermediate.int_census_cells.source_id IS 'The inegi_census source the cell was taken from (the first source id that has it).';
