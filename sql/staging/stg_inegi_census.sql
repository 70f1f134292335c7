-- Censos Económicos cells (SAIC exports) of every inegi_census source, as normalized in lake/normalized/census_units.
-- config: materialized=view
SELECT
    c.source                       AS source_id,
    c.census_year,
    c.state_key,
    coalesce(g.name, c.state_name) AS state_name,
    c.municipality_key,
    c.municipality_name,
    c.area_level,
    c.size_stratum,
    c.scian_code,
    c.scian_level,
    c.activity_label,
    c.is_total,
    c.units,
    c.employment,
    c.gross_production_mxn_m,
    c.value_added_mxn_m,
    c.suppressed,
    c.suppressed_columns,
    c.extract_id
FROM lake.census_units c
LEFT JOIN ref.mx_geo g ON g.inegi_key = c.state_key AND g.level = 'state';

COMMENT ON VIEW staging.stg_inegi_census IS 'Censos Economicos (SAIC exports): units, employment, gross production and value added per census year, area and SCIAN activity; confidential cells stay NULL with suppressed = true.';
COMMENT ON COLUMN staging.stg_inegi_census.source_id IS 'Source id (an inegi_census source).';
COMMENT ON COLUMN staging.stg_inegi_census.census_year IS 'Census year (Año Censal): 1999, 2004, ..., 2019.';
COMMENT ON COLUMN staging.stg_inegi_census.state_key IS 'INEGI state key, 2 digits; 00 for the national total.';
COMMENT ON COLUMN staging.stg_inegi_census.state_name IS 'State name (Total nacional for the national total).';
COMMENT ON COLUMN staging.stg_inegi_census.municipality_key IS 'INEGI municipality key, 5 digits; NULL for state and national rows.';
COMMENT ON COLUMN staging.stg_inegi_census.municipality_name IS 'Municipality name as in the export.';
COMMENT ON COLUMN staging.stg_inegi_census.area_level IS 'national, state or municipality.';
COMMENT ON COLUMN staging.stg_inegi_census.size_stratum IS 'Size stratum (Estrato) when the export has it, else NULL.';
COMMENT ON COLUMN staging.stg_inegi_census.scian_code IS 'SCIAN code taken from the activity label (31-33, 337, 3371, ...); NULL for a Total activity row.';
COMMENT ON COLUMN staging.stg_inegi_census.scian_level IS 'sector, subsector, rama, subrama or clase.';
COMMENT ON COLUMN staging.stg_inegi_census.activity_label IS 'Activity label as published.';
COMMENT ON COLUMN staging.stg_inegi_census.is_total IS 'The row is a published total (Total nacional, Total estatal, Total ...): do not add it to its parts.';
COMMENT ON COLUMN staging.stg_inegi_census.units IS 'UE: economic units; NULL when withheld.';
COMMENT ON COLUMN staging.stg_inegi_census.employment IS 'H001A: total persons employed; NULL when withheld.';
COMMENT ON COLUMN staging.stg_inegi_census.gross_production_mxn_m IS 'A111A: gross production, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN staging.stg_inegi_census.value_added_mxn_m IS 'A131A: census gross value added, millions of current pesos; NULL when withheld.';
COMMENT ON COLUMN staging.stg_inegi_census.suppressed IS 'Some measure of the row was withheld for confidentiality (blank or marked C in the export); withheld values are NULL, never zero.';
COMMENT ON COLUMN staging.stg_inegi_census.suppressed_columns IS 'Which measures were withheld (UE, H001A, A111A, A131A), comma-separated.';
COMMENT ON COLUMN staging.stg_inegi_census.extract_id IS 'First 16 hex digits of the SHA-256 of the raw file the row came from (meta.extracts).';
