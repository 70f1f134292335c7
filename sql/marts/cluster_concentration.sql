-- Concentration of each cluster per year: of its destinations and products, of world exports of its products,
-- of its firms (DENUE: establishments of its SCIAN activities in its regions, employment from the published
-- size bands, low / mid / high) and of its activity across Mexican regions (Economic Census). A cell a source
-- does not cover, or that INEGI withheld, is NULL with the reason in notes, never zero.
-- Concentration ratios and HHIs are computed from exact sums (sum of squared values over the squared total), so
-- reruns give identical numbers.
-- config: partition_by=year
WITH trade AS (
    SELECT cluster_id, year, destination_hhi FROM marts.cluster_exports
),
partner_values AS (     -- the cluster's exports per destination (exact)
    SELECT cluster_id, year, importer_key, sum(value_usd) AS value_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL HAVING sum(value_usd) > 0
),
destination_cr AS (
    SELECT cluster_id, year, sum(value_usd) FILTER (WHERE rank <= 4) / sum(value_usd) AS destination_cr4
    FROM (SELECT *, row_number() OVER (PARTITION BY cluster_id, year ORDER BY value_usd DESC, importer_key) AS rank
          FROM partner_values)
    GROUP BY ALL
),
product_values AS (
    SELECT cluster_id, year, product_code, sum(value_usd) AS value_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL HAVING sum(value_usd) > 0
),
products AS (
    SELECT cluster_id, year, sum(value_usd * value_usd) / (sum(value_usd) * sum(value_usd)) AS product_hhi
    FROM product_values GROUP BY ALL
),
exporter_values AS (
    SELECT p.cluster_id, e.year, e.exporter_key, sum(e.export_value_usd) AS value_usd
    FROM intermediate.int_cluster_products AS p
    JOIN intermediate.int_country_product_exports AS e ON e.hs_vintage = p.hs_vintage AND e.product_code = p.product_code
    GROUP BY ALL HAVING sum(e.export_value_usd) > 0
),
exporter_ranks AS (
    SELECT *, rank() OVER (PARTITION BY cluster_id, year ORDER BY value_usd DESC) AS world_rank
    FROM exporter_values
),
world AS (
    SELECT s.cluster_id, s.year, sum(s.value_usd * s.value_usd) / (sum(s.value_usd) * sum(s.value_usd)) AS exporter_hhi_world,
           min(s.world_rank) FILTER (WHERE s.exporter_key = c.country_iso3) AS cluster_rank_world
    FROM exporter_ranks AS s JOIN ref.clusters AS c ON c.cluster_id = s.cluster_id
    GROUP BY ALL
),
cluster_establishments AS (   -- the Mexican clusters' establishments (intermediate.int_cluster_establishments)
    SELECT e.*
    FROM intermediate.int_cluster_establishments AS e
    JOIN ref.clusters AS c ON c.cluster_id = e.cluster_id
    WHERE c.country_iso3 = 'MEX'
),
ranked_establishments AS (
    SELECT *,
           row_number() OVER (PARTITION BY cluster_id ORDER BY employment_low DESC, establishment_id)              AS rank_low,
           row_number() OVER (PARTITION BY cluster_id ORDER BY employment_high DESC NULLS FIRST, establishment_id) AS rank_high
    FROM cluster_establishments
),
firms AS (
    SELECT cluster_id,
           max(left(registered_month, 4))::INTEGER  AS year,
           count(*)                                 AS firm_count,
           sum(employment_low)                      AS firm_employment_low,
           sum(employment_mid)                      AS firm_employment_mid,
           CASE WHEN count(employment_high) = count(*) THEN sum(employment_high) END AS firm_employment_high,
           sum(employment_low) FILTER (WHERE rank_low <= 4) / nullif(sum(employment_low), 0) AS firm_cr4_low,
           CASE WHEN count(employment_high) = count(*)
                THEN sum(employment_high) FILTER (WHERE rank_high <= 4) / nullif(sum(employment_high), 0) END AS firm_cr4_high,
           sum(employment_mid * employment_mid) / nullif(sum(employment_mid) * sum(employment_mid), 0)      AS firm_hhi_mid,
           count(*) - count(employment_high)        AS open_band_firms
    FROM ranked_establishments
    GROUP BY cluster_id
),
denue_flags AS (      -- every establishment of the DENUE extracts, for each Mexican cluster with SCIAN codes:
                      -- is it of the cluster's activities, is it in the cluster's regions
    SELECT c.cluster_id, e.state_key, e.employment_mid,
           EXISTS (SELECT 1 FROM ref.cluster_scian AS s
                   WHERE s.cluster_id = c.cluster_id AND starts_with(e.scian_code, s.scian_code))      AS in_activity,
           EXISTS (SELECT 1 FROM ref.cluster_regions AS r
                   WHERE r.cluster_id = c.cluster_id AND starts_with(e.municipality_key, r.inegi_key)) AS in_region
    FROM ref.clusters AS c
    CROSS JOIN staging.stg_inegi_establishments AS e
    WHERE c.country_iso3 = 'MEX' AND EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id)
),
denue_activity AS (   -- employment (midpoints) by state: of the cluster's activities, and of everything in the extracts
    SELECT cluster_id, state_key,
           sum(employment_mid) FILTER (WHERE in_activity)              AS activity_mid,
           sum(employment_mid)                                         AS all_mid,
           sum(employment_mid) FILTER (WHERE in_activity AND in_region) AS region_activity_mid,
           sum(employment_mid) FILTER (WHERE in_region)                AS region_all_mid
    FROM denue_flags
    GROUP BY cluster_id, state_key
),
lorenz AS (           -- states ordered by their location quotient; cumulative shares of all employment (x) and of the activity (y)
    SELECT cluster_id, state_key,
           sum(all_mid) OVER w / sum(all_mid) OVER (PARTITION BY cluster_id)                        AS x,
           coalesce(sum(activity_mid) OVER w, 0) / nullif(sum(activity_mid) OVER (PARTITION BY cluster_id), 0) AS y
    FROM denue_activity
    WINDOW w AS (PARTITION BY cluster_id ORDER BY coalesce(activity_mid, 0) / all_mid, state_key
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
lorenz_area AS (
    SELECT cluster_id,
           sum((x - coalesce(prev_x, 0)) * (y + coalesce(prev_y, 0)) / 2) AS area,
           count(*) AS states
    FROM (SELECT *, lag(x) OVER (PARTITION BY cluster_id ORDER BY x, y) AS prev_x,
                    lag(y) OVER (PARTITION BY cluster_id ORDER BY x, y) AS prev_y FROM lorenz)
    GROUP BY cluster_id
),
denue_location AS (
    SELECT d.cluster_id,
           (sum(d.region_activity_mid) / nullif(sum(d.region_all_mid), 0))
             / nullif(sum(d.activity_mid) / nullif(sum(d.all_mid), 0), 0) AS location_quotient,
           0.5 - min(l.area)                                                AS locational_gini,
           min(l.states)                                                    AS states
    FROM denue_activity AS d
    JOIN lorenz_area AS l ON l.cluster_id = d.cluster_id
    GROUP BY d.cluster_id
),
census_codes AS (   -- the cluster's SCIAN code and its parents (3 digits and up), most specific first
    SELECT s.cluster_id, r.inegi_key AS state_key, left(s.scian_code, n.len) AS scian_code, n.len
    FROM ref.cluster_scian AS s
    JOIN ref.cluster_regions AS r ON r.cluster_id = s.cluster_id AND length(r.inegi_key) = 2
    CROSS JOIN (SELECT unnest(range(3, 7)) AS len) AS n
    WHERE n.len <= length(s.scian_code)
),
census AS (         -- regional share of national employment, at the most specific code with a state and a national row
    SELECT k.cluster_id, st.census_year AS year, k.scian_code AS census_scian_code,
           CASE WHEN NOT (st.suppressed OR nat.suppressed) THEN st.employment / nat.employment END AS regional_share,
           st.suppressed OR nat.suppressed AS suppressed
    FROM census_codes AS k
    JOIN staging.stg_inegi_census AS st
      ON st.state_key = k.state_key AND st.area_level = 'state' AND st.scian_code = k.scian_code
    JOIN staging.stg_inegi_census AS nat
      ON nat.state_key = '00' AND nat.census_year = st.census_year AND nat.scian_code = k.scian_code
    QUALIFY row_number() OVER (PARTITION BY k.cluster_id, st.census_year ORDER BY k.len DESC) = 1
),
keys AS (
    SELECT cluster_id, year FROM trade
    UNION SELECT cluster_id, year FROM firms
    UNION SELECT cluster_id, year FROM census
)
SELECT
    k.cluster_id,
    k.year,
    t.destination_hhi,
    d.destination_cr4,
    p.product_hhi,
    w.exporter_hhi_world,
    w.cluster_rank_world,
    f.firm_count,
    f.firm_employment_low,
    f.firm_employment_mid,
    f.firm_employment_high,
    f.firm_cr4_low,
    f.firm_cr4_high,
    f.firm_hhi_mid,
    dl.location_quotient,
    ce.regional_share,
    dl.locational_gini,
    nullif(concat_ws('; ',
        CASE WHEN t.cluster_id IS NULL THEN 'no trade data for the year' END,
        CASE WHEN NOT sc.has_scian THEN 'no SCIAN codes: firm and regional indicators do not apply'
             WHEN f.cluster_id IS NULL THEN 'no DENUE snapshot for the year' END,
        CASE WHEN f.open_band_firms > 0 THEN 'firm high bounds NULL: ' || f.open_band_firms || ' establishment(s) in the open band 251 y más' END,
        CASE WHEN NOT sc.has_scian THEN NULL
             WHEN ce.suppressed THEN 'regional_share NULL: a census cell is withheld (confidential)'
             WHEN ce.cluster_id IS NOT NULL THEN 'regional_share from census SCIAN ' || ce.census_scian_code END,
        CASE WHEN dl.cluster_id IS NOT NULL
             THEN 'location_quotient and locational_gini relative to the DENUE extracts loaded (' || dl.states || ' state(s)); a national DENUE download gives the national ones' END
    ), '')                              AS notes
FROM keys AS k
LEFT JOIN trade AS t ON t.cluster_id = k.cluster_id AND t.year = k.year
LEFT JOIN destination_cr AS d ON d.cluster_id = k.cluster_id AND d.year = k.year
LEFT JOIN products AS p ON p.cluster_id = k.cluster_id AND p.year = k.year
LEFT JOIN world AS w ON w.cluster_id = k.cluster_id AND w.year = k.year
LEFT JOIN firms AS f ON f.cluster_id = k.cluster_id AND f.year = k.year
LEFT JOIN census AS ce ON ce.cluster_id = k.cluster_id AND ce.year = k.year
LEFT JOIN denue_location AS dl ON dl.cluster_id = f.cluster_id
JOIN (SELECT c.cluster_id, EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id) AS has_scian
      FROM ref.clusters AS c) AS sc ON sc.cluster_id = k.cluster_id;

COMMENT ON TABLE marts.cluster_concentration IS 'Concentration of each cluster per year: destinations, products, world exporters, firms (DENUE, from employment size bands) and regional share (Economic Census). NULL with a reason in notes where a source does not cover the cluster or a cell is withheld.';
COMMENT ON COLUMN marts.cluster_concentration.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_concentration.year IS 'Year: of the trade data, of the census, or of the DENUE snapshot (the year of its latest registration month).';
COMMENT ON COLUMN marts.cluster_concentration.destination_hhi IS 'HHI of destinations by export value (sum of squared shares), in (0, 1].';
COMMENT ON COLUMN marts.cluster_concentration.destination_cr4 IS 'Share of the four largest destinations in the cluster''s exports (ties broken by partner code; the sum is the same whichever tied partner is taken).';
COMMENT ON COLUMN marts.cluster_concentration.product_hhi IS 'HHI of the cluster''s HS6 products in its exports.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_hhi_world IS 'HHI of exporters in world exports of the cluster''s products: how concentrated world supply is.';
COMMENT ON COLUMN marts.cluster_concentration.cluster_rank_world IS 'Rank of the cluster''s country among world exporters of its products (1 = largest; ties share a rank).';
COMMENT ON COLUMN marts.cluster_concentration.firm_count IS 'DENUE establishments of the cluster''s SCIAN activities in its regions (exact).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_low IS 'Their employment, lower estimate (sum of the bands'' lower bounds).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_mid IS 'Their employment, central estimate (band midpoints; 376.5 for 251 y más).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_high IS 'Their employment, upper estimate; NULL when an establishment is in the open band 251 y más (see notes).';
COMMENT ON COLUMN marts.cluster_concentration.firm_cr4_low IS 'Employment share of the four largest establishments, on the lower bounds.';
COMMENT ON COLUMN marts.cluster_concentration.firm_cr4_high IS 'The same on the upper bounds; NULL with an open band.';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_mid IS 'HHI of establishments by employment midpoints.';
COMMENT ON COLUMN marts.cluster_concentration.location_quotient IS 'Location quotient (e_rs / e_r) / (e_Ns / e_N) on DENUE employment midpoints: the cluster''s activities s in its regions r against everything N in the DENUE extracts (national with a national download); on the DENUE snapshot row.';
COMMENT ON COLUMN marts.cluster_concentration.regional_share IS 'Employment of the cluster''s activity in its state / national employment of the activity (Economic Census, at the most specific SCIAN code with both rows); NULL when withheld.';
COMMENT ON COLUMN marts.cluster_concentration.locational_gini IS 'Locational Gini of the cluster''s activities across the states of the DENUE extracts: 0.5 minus the area under the Lorenz curve of activity vs total employment (states ordered by location quotient); 0 = spread like all activity, at most 0.5.';
COMMENT ON COLUMN marts.cluster_concentration.notes IS 'Why indicators are NULL, and where regional_share comes from.';
