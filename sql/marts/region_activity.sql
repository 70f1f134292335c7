-- Establishments and employment of every SCIAN activity in every Mexican municipality of the DENUE extracts, per
-- snapshot (intermediate.int_denue_establishments_by_area: one snapshot per year, an establishment once), with a location
-- quotient and the share of the national total: the map an analyst of a Mexican cluster wants.
-- "National" is everything the snapshot's DENUE extracts hold (a full national download gives the true LQ; the bundled
-- sample covers two states and a few activities only). Definitions: docs/indicators.md ("Location quotient").
WITH totals AS (
    SELECT * EXCLUDE (snapshot_year),
           snapshot_year                                                    AS year,
           sum(employment_mid) OVER (PARTITION BY snapshot_year, municipality_key) AS region_mid,
           sum(employment_mid) OVER (PARTITION BY snapshot_year, scian_code)       AS activity_mid,
           sum(employment_mid) OVER (PARTITION BY snapshot_year)                   AS all_mid
    FROM intermediate.int_denue_establishments_by_area
)
SELECT
    t.year,
    t.state_key,
    t.state_name,
    t.municipality_key,
    t.municipality_name,
    t.scian_code,
    t.establishments,
    t.employment_low,
    t.employment_mid,
    t.employment_high,
    (t.employment_mid / nullif(t.region_mid, 0)) / nullif(t.activity_mid / nullif(t.all_mid, 0), 0) AS location_quotient,
    t.employment_mid / nullif(t.activity_mid, 0) AS share_of_national,
    t.open_band_establishments
FROM totals AS t;

COMMENT ON TABLE marts.region_activity IS 'Establishments and employment per DENUE snapshot, municipality and SCIAN class, with a location quotient and the share of the activity''s total, relative to what the snapshot''s DENUE extracts hold.';
COMMENT ON COLUMN marts.region_activity.year IS 'Year of the DENUE snapshot: the newest registration month of its source(s) (intermediate.int_denue_establishments); each snapshot is computed on its own.';
COMMENT ON COLUMN marts.region_activity.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN marts.region_activity.state_name IS 'State name.';
COMMENT ON COLUMN marts.region_activity.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN marts.region_activity.municipality_name IS 'Municipality name as in DENUE.';
COMMENT ON COLUMN marts.region_activity.scian_code IS 'SCIAN class, 6 digits.';
COMMENT ON COLUMN marts.region_activity.establishments IS 'Establishments (exact count).';
COMMENT ON COLUMN marts.region_activity.employment_low IS 'Employment, lower estimate (band lower bounds).';
COMMENT ON COLUMN marts.region_activity.employment_mid IS 'Employment, central estimate (band midpoints).';
COMMENT ON COLUMN marts.region_activity.employment_high IS 'Employment, upper estimate; NULL with an establishment in the open band 251 y más.';
COMMENT ON COLUMN marts.region_activity.location_quotient IS 'LQ = (e_rs / e_r) / (e_Ns / e_N) on employment midpoints, r the municipality, s the class, N everything in the snapshot''s DENUE extracts.';
COMMENT ON COLUMN marts.region_activity.share_of_national IS 'e_rs / e_Ns: the municipality''s share of the class''s employment (midpoints) in the snapshot''s DENUE extracts.';
COMMENT ON COLUMN marts.region_activity.open_band_establishments IS 'Establishments in the open band 251 y más personas (why employment_high is NULL).';
