-- DENUE establishments and employment per snapshot (intermediate.int_denue_establishments: an establishment once), state,
-- municipality and SCIAN class. Counts are exact; employment is known only by band, so it is given as the sums of the
-- bands' lower bounds, midpoints and upper bounds.
SELECT
    snapshot_year,
    state_key,
    min(state_name)                                                    AS state_name,
    municipality_key,
    min(municipality_name)                                             AS municipality_name,
    scian_code,
    count(*)                                                           AS establishments,
    sum(employment_low)::BIGINT                                        AS employment_low,
    sum(employment_mid)                                                AS employment_mid,
    CASE WHEN count(employment_high) = count(*) THEN sum(employment_high)::BIGINT END AS employment_high,
    count(*) - count(employment_high)                                  AS open_band_establishments
FROM intermediate.int_denue_establishments
GROUP BY snapshot_year, state_key, municipality_key, scian_code;

COMMENT ON TABLE intermediate.int_denue_establishments_by_area IS 'DENUE establishments and employment (lower, middle, upper estimates from the size bands) per snapshot, state, municipality and SCIAN class.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.snapshot_year IS 'Year of the DENUE snapshot (intermediate.int_denue_establishments).';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.state_name IS 'State name.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.municipality_name IS 'Municipality name as in DENUE.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.scian_code IS 'SCIAN class, 6 digits.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.establishments IS 'Number of establishments (exact).';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.employment_low IS 'Employment, lower estimate: sum of the bands'' lower bounds.';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.employment_mid IS 'Employment, central estimate: sum of the bands'' midpoints (376.5 for 251 y más).';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.employment_high IS 'Employment, upper estimate: sum of the bands'' upper bounds; NULL when an establishment is in the open band 251 y más (no upper bound).';
COMMENT ON COLUMN intermediate.int_denue_establishments_by_area.open_band_establishments IS 'Establishments in the open band 251 y más personas.';
