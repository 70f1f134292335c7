-- Economic complexity per exporter, year and HS vintage: ECI, diversity and COI from marts.country_product_complexity
-- (one row per exporter of its matrix). Definitions in docs/indicators.md, "Economic complexity".
-- config: materialized=view, partition_by=year
SELECT
    year,
    hs_vintage,
    CASE WHEN length(country_key) = 3 THEN country_key END AS country_iso3,
    country_key,
    any_value(diversity)                                     AS diversity,
    any_value(eci)                                           AS eci,
    any_value(coi)                                           AS coi,
    rank() OVER (PARTITION BY year, hs_vintage ORDER BY any_value(eci) DESC NULLS LAST) AS eci_rank,
    count(*) FILTER (WHERE rca IS NOT NULL)                  AS exported_products
FROM marts.country_product_complexity
GROUP BY year, hs_vintage, country_key;

COMMENT ON VIEW marts.country_complexity IS 'Economic complexity per exporter, year and HS vintage (Harvard Growth Lab ecomplexity definitions): ECI, diversity, COI and the ECI rank, from marts.country_product_complexity.';
COMMENT ON COLUMN marts.country_complexity.year IS 'Calendar year.';
COMMENT ON COLUMN marts.country_complexity.hs_vintage IS 'HS vintage of the country x product matrix the values come from.';
COMMENT ON COLUMN marts.country_complexity.country_iso3 IS 'Exporter ISO3; NULL for groupings without one (see country_key).';
COMMENT ON COLUMN marts.country_complexity.country_key IS 'Exporter as aggregated: ISO3, or <KIND>:<code> for groupings.';
COMMENT ON COLUMN marts.country_complexity.diversity IS 'Diversity k_c: the HS6 products the exporter has an RCA >= complexity_rca_threshold in.';
COMMENT ON COLUMN marts.country_complexity.eci IS 'Economic Complexity Index (ecomplexity''s eigenvector method and normalisation: mean 0 and sd 1 over the country x product rows of marts.country_product_complexity, positively correlated with diversity); NULL when diversity is 0.';
COMMENT ON COLUMN marts.country_complexity.coi IS 'Complexity Outlook Index: sum_p (1 - M_cp) density_cp kp_p, standardised like ECI (ecomplexity).';
COMMENT ON COLUMN marts.country_complexity.eci_rank IS 'Rank of the exporter by ECI in the year and vintage (1 = most complex; exporters without ECI last).';
COMMENT ON COLUMN marts.country_complexity.exported_products IS 'HS6 products the exporter exported at all (any value) in the year and vintage.';
