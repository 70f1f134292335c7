-- Establishments and employment of every SCIAN activity in every Mexican municipality of the DENUE extracts,
-- with a location quotient and the share of the national total: the map an analyst of a Mexican cluster wants.
-- "National" is everything the DENUE extracts hold (a full national download gives the true LQ; the bundled
-- sample covers two states and a few activities only).
WITH areas AS (
    SELECT * FROM staging.stg_inegi_establishments_by_area
),
snapshot AS (
    SELECT max(left(registered_month, 4))::INTEGER AS year FROM staging.stg_inegi_establishments
),
totals AS (
    SELECT *,
           sum(employment_mid) OVER (PARTITION BY municipality_key) AS region_mid,
           sum(employment_mid) OVER (PARTITION BY scian_code)       AS activity_mid,
           sum(employment_mid) OVER ()                              AS all_mid
    FROM areas
)
SELECT
    s.year,
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
    t.employment_mid / nullif(t.activity_mid, 0) AS share_of_national
FROM totals AS t
CROSS JOIN snapshot AS s;

COMMENT ON TABLE marts.region_activity IS 'Establishments and employment per municipality and SCIAN class from DENUE, with a location quotient and the share of the activity''s total, relative to what the DENUE extracts hold.';
COMMENT ON COLUMN marts.region_activity.year IS 'Year of the DENUE snapshot (its latest registration month).';
COMMENT ON COLUMN marts.region_activity.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN marts.region_activity.state_name IS 'State name.';
COMMENT ON COLUMN marts.region_activity.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN marts.region_activity.municipality_name IS 'Municipality name as in DENUE.';
COMMENT ON COLUMN marts.region_activity.scian_code IS 'SCIAN class, 6 digits.';
COMMENT ON COLUMN marts.region_activity.establishments IS 'Establishments (exact count).';
COMMENT ON COLUMN marts.region_activity.employment_low IS 'Employment, lower estimate (band lower bounds).';
COMMENT ON COLUMN marts.region_activity.employment_mid IS 'Employment, central estimate (band midpoints).';
COMMENT ON COLUMN marts.region_activity.employment_high IS 'Employment, upper estimate; NULL with an establishment in the open band 251 y más.';
COMMENT ON COLUMN marts.region_activity.location_quotient IS 'LQ = (e_rs / e_r) / (e_Ns / e_N) on employment midpoints, r the municipality, s the class, N everything in the DENUE extracts.';
COMMENT ON COLUMN marts.region_activity.share_of_national IS 'e_rs / e_Ns: the municipality''s share of the class''s employment (midpoints) in the DENUE extracts.';
