-- DENUE establishments per snapshot: each denue source is one snapshot of the register, dated by the newest registration
-- month among ALL its establishments (DENUE files carry no snapshot date; the newest registration is the closest date
-- the data give, and a lower bound of the real one). Several sources of the same snapshot year (a national download and
-- a state one, or overlapping extracts) are one snapshot, and an establishment counts once in it: the row of the first
-- source id, alphabetically. Snapshots of different years (a 2019 and a 2024 download) stay apart, so counts, location
-- quotients and Gini coefficients are computed within one snapshot (docs/indicators.md, "DENUE snapshots").
WITH snapshots AS (
    SELECT source_id, max(left(registered_month, 4))::INTEGER AS snapshot_year
    FROM staging.stg_inegi_establishments
    GROUP BY source_id
)
SELECT
    s.snapshot_year,
    e.source_id,
    e.establishment_id,
    e.scian_code,
    e.state_key,
    e.state_name,
    e.municipality_key,
    e.municipality_name,
    e.employment_band,
    e.employment_low,
    e.employment_mid,
    e.employment_high,
    e.registered_month,
    count(*) OVER (PARTITION BY s.snapshot_year, e.establishment_id) AS copies
FROM staging.stg_inegi_establishments AS e
JOIN snapshots AS s USING (source_id)
QUALIFY row_number() OVER (PARTITION BY s.snapshot_year, e.establishment_id
                           ORDER BY e.source_id, e.extract_id, e.scian_code, e.municipality_key, e.employment_low, e.registered_month) = 1;

COMMENT ON TABLE intermediate.int_denue_establishments IS 'DENUE establishments, one row per snapshot year and establishment: every denue source is a snapshot dated by its newest registration month; sources of the same year are merged and an establishment found twice counts once.';
COMMENT ON COLUMN intermediate.int_denue_establishments.snapshot_year IS 'Year of the snapshot: the year of the newest registration month (fecha_alta) among all establishments of the source (a lower bound of the download date).';
COMMENT ON COLUMN intermediate.int_denue_establishments.source_id IS 'The source the row is taken from (the first source id of the snapshot holding the establishment).';
COMMENT ON COLUMN intermediate.int_denue_establishments.establishment_id IS 'DENUE id of the establishment.';
COMMENT ON COLUMN intermediate.int_denue_establishments.scian_code IS 'SCIAN class, 6 digits.';
COMMENT ON COLUMN intermediate.int_denue_establishments.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN intermediate.int_denue_establishments.state_name IS 'State name.';
COMMENT ON COLUMN intermediate.int_denue_establishments.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN intermediate.int_denue_establishments.municipality_name IS 'Municipality name as in DENUE.';
COMMENT ON COLUMN intermediate.int_denue_establishments.employment_band IS 'Employment band as published (per_ocu).';
COMMENT ON COLUMN intermediate.int_denue_establishments.employment_low IS 'Lower bound of the band (persons).';
COMMENT ON COLUMN intermediate.int_denue_establishments.employment_mid IS 'Midpoint of the band (376.5 for 251 y más).';
COMMENT ON COLUMN intermediate.int_denue_establishments.employment_high IS 'Upper bound of the band; NULL for the open band 251 y más.';
COMMENT ON COLUMN intermediate.int_denue_establishments.registered_month IS 'Month it entered DENUE (YYYY-MM).';
COMMENT ON COLUMN intermediate.int_denue_establishments.copies IS 'Rows found for the establishment in the snapshot''s sources (more than 1: overlapping extracts, counted once).';
