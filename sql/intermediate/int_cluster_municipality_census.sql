-- Each Mexican cluster's municipalities in the Economic Census, per census year: the municipalities of its regions (its
-- states, and municipalities it names) with a census cell of its SCIAN codes, at the code level its regional share uses
-- (intermediate.int_cluster_census_share: the most specific level the census publishes for every code in every area and
-- nationally). Summed over those codes NULL-safely: a withheld cell makes the sum NULL with reason 'confidential', a code
-- without a cell in the municipality makes it NULL with reason 'not_in_export', never a smaller number. Location quotient
-- and share of national as in marts.region_census_activity (docs/indicators.md, "Mexico below the national level").
-- config: partition_by=year
WITH codes AS (            -- the codes the regional share of a Mexican cluster sums, per census year
    SELECT s.cluster_id, s.year, unnest(string_split(s.census_scian_codes, ', ')) AS scian_code
    FROM intermediate.int_cluster_census_share AS s
    JOIN ref.clusters AS c ON c.cluster_id = s.cluster_id AND c.country_iso3 = 'MEX'
),
municipalities AS (       -- the municipalities of the cluster's regions with a cell of one of those codes
    SELECT DISTINCT k.cluster_id, k.year, c.state_key, c.municipality_key
    FROM codes AS k
    JOIN intermediate.int_census_cells AS c
      ON c.census_year = k.year AND c.area_level = 'municipality' AND c.scian_code = k.scian_code
    WHERE EXISTS (SELECT 1 FROM ref.cluster_regions AS r
                  WHERE r.cluster_id = k.cluster_id AND starts_with(c.municipality_key, r.inegi_key))
),
needed AS (               -- every code in every such municipality, with its cell when the export has one
    SELECT m.cluster_id, m.year, m.state_key, m.municipality_key, k.scian_code,
           c.census_year IS NOT NULL AS published, c.municipality_name, c.units, c.employment, c.gross_production_mxn_m
    FROM municipalities AS m
    JOIN codes AS k ON k.cluster_id = m.cluster_id AND k.year = m.year
    LEFT JOIN intermediate.int_census_cells AS c
      ON c.census_year = m.year AND c.area_level = 'municipality' AND c.municipality_key = m.municipality_key
     AND c.scian_code = k.scian_code
),
national AS (             -- the codes nationally (complete: int_cluster_census_share uses only levels with every national cell)
    SELECT k.cluster_id, k.year,
           CASE WHEN count(c.employment) = count(*) THEN sum(c.employment)::BIGINT END AS national_employment,
           CASE WHEN count(c.gross_production_mxn_m) = count(*)
                THEN sum(c.gross_production_mxn_m::DECIMAL(18, 3)) END                 AS national_production
    FROM codes AS k
    LEFT JOIN intermediate.int_census_cells AS c
      ON c.census_year = k.year AND c.area_level = 'national' AND c.scian_code = k.scian_code
    GROUP BY k.cluster_id, k.year
),
totals AS (               -- all activities of each municipality and of the nation (the export's Total rows)
    SELECT census_year, area_level, municipality_key, employment
    FROM intermediate.int_census_cells
    WHERE scian_code IS NULL AND area_level IN ('national', 'municipality')
),
summed AS (
    SELECT cluster_id, year, state_key, municipality_key,
           min(municipality_name)                                                                   AS municipality_name,
           string_agg(scian_code, ', ' ORDER BY scian_code)                                         AS census_scian_codes,
           CASE WHEN count(units) = count(*) THEN sum(units)::BIGINT END                            AS units,
           CASE WHEN count(employment) = count(*) THEN sum(employment)::BIGINT END                  AS employment,
           CASE WHEN count(gross_production_mxn_m) = count(*)
                THEN sum(gross_production_mxn_m::DECIMAL(18, 3)) END                                AS gross_production_mxn_m,
           CASE WHEN count(*) FILTER (WHERE published AND employment IS NULL) > 0 THEN 'confidential'
                WHEN count(*) FILTER (WHERE NOT published) > 0 THEN 'not_in_export' END             AS employment_null_reason
    FROM needed
    GROUP BY cluster_id, year, state_key, municipality_key
)
SELECT
    s.cluster_id,
    s.year,
    s.state_key,
    s.municipality_key,
    s.municipality_name,
    s.census_scian_codes,
    s.units,
    s.employment,
    s.gross_production_mxn_m::DOUBLE                                             AS gross_production_mxn_m,
    s.employment_null_reason,
    m.employment                                                                  AS municipality_all_employment,
    n.national_employment,
    t.employment                                                                  AS national_all_employment,
    (s.employment / nullif(m.employment, 0)) / nullif(n.national_employment / nullif(t.employment, 0), 0) AS location_quotient,
    s.employment / nullif(n.national_employment, 0)                               AS share_of_national_employment,
    (s.gross_production_mxn_m / nullif(n.national_production, 0))::DOUBLE         AS share_of_national_production
FROM summed AS s
JOIN national AS n ON n.cluster_id = s.cluster_id AND n.year = s.year
LEFT JOIN totals AS m ON m.census_year = s.year AND m.area_level = 'municipality' AND m.municipality_key = s.municipality_key
LEFT JOIN totals AS t ON t.census_year = s.year AND t.area_level = 'national';

COMMENT ON TABLE intermediate.int_cluster_municipality_census IS 'Economic Census figures of each Mexican cluster''s municipalities per census year: its SCIAN codes at the level of its regional share, summed NULL-safely, with a location quotient and shares of national.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.cluster_id IS 'Cluster id (ref.clusters; Mexican clusters with SCIAN codes and INEGI regions).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.year IS 'Census year.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.state_key IS 'INEGI state key, 2 digits.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.municipality_key IS 'INEGI municipality key, 5 digits.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.municipality_name IS 'Municipality name as in the export.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.census_scian_codes IS 'The SCIAN codes summed (those of int_cluster_census_share), comma-separated.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.units IS 'UE summed over the codes; NULL when a cell withholds it or is not in the export.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.employment IS 'H001A summed over the codes; NULL when a cell withholds it or is not in the export (employment_null_reason).';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.gross_production_mxn_m IS 'A111A summed over the codes, millions of current pesos; NULL when a cell withholds it or is not in the export.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.employment_null_reason IS 'Why employment is NULL: confidential (a cell withholds H001A) or not_in_export (a code has no cell in the municipality); NULL when employment is known.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.municipality_all_employment IS 'e_m: employment of all activities in the municipality (the export''s Total row); NULL when absent or withheld.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.national_employment IS 'e_Ns: national employment of the codes; NULL when a national cell withholds it.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.national_all_employment IS 'e_N: national employment of all activities; NULL when absent or withheld.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.location_quotient IS 'LQ = (e_ms / e_m) / (e_Ns / e_N) on census employment; NULL when a term is withheld or absent.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.share_of_national_employment IS 'e_ms / e_Ns.';
COMMENT ON COLUMN intermediate.int_cluster_municipality_census.share_of_national_production IS 'The municipality''s gross production of the codes / national (A111A).';
