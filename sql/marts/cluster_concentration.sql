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
cluster_establishments AS (   -- the Mexican clusters' establishments, per DENUE snapshot (intermediate.int_cluster_establishments)
    SELECT e.*
    FROM intermediate.int_cluster_establishments AS e
    JOIN ref.clusters AS c ON c.cluster_id = e.cluster_id
    WHERE c.country_iso3 = 'MEX'
),
firms AS (
    SELECT cluster_id,
           snapshot_year                            AS year,
           count(*)                                 AS firm_count,
           sum(employment_low)::BIGINT              AS firm_employment_low,
           sum(employment_mid)                      AS firm_employment_mid,
           CASE WHEN count(employment_high) = count(*) THEN sum(employment_high)::BIGINT END AS firm_employment_high,
           sum(employment_mid * employment_mid) / nullif(sum(employment_mid) * sum(employment_mid), 0) AS firm_hhi_mid,
           count(*) - count(employment_high)        AS open_band_firms
    FROM cluster_establishments
    GROUP BY ALL
),
-- Firm concentration bounds. Each establishment's employment e_i is only known to lie in its band [l_i, h_i] (h open
-- for 251 y más); the bounds below are the smallest and largest values CR4 and HHI can take over every e in those
-- bands (docs/indicators.md, "Firm concentration from bands"). DENUE's bands do not overlap, so establishments of one
-- band are interchangeable and everything is computed on the bands (l, h, n establishments), exactly in integers.
bands AS (
    SELECT cluster_id, snapshot_year AS year, employment_low::BIGINT AS l, employment_high::BIGINT AS h, count(*) AS n
    FROM cluster_establishments
    GROUP BY ALL
),
top_bands AS (        -- bands largest first; how many of their establishments are among the four largest
    SELECT *,
           greatest(0, least(n, 4 - coalesce(sum(n) OVER (PARTITION BY cluster_id, year ORDER BY l DESC
                                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS in_top4,
           row_number() OVER (PARTITION BY cluster_id, year ORDER BY l DESC) AS band_rank
    FROM bands
),
cr4_max AS (          -- max CR4: the four largest at their upper bounds, all others at their lower bounds
    SELECT cluster_id, year,
           CASE WHEN count(h) = count(*)
                THEN sum(in_top4 * h) / nullif(sum(in_top4 * h) + sum((n - in_top4) * l), 0) END AS firm_cr4_high
    FROM top_bands
    GROUP BY ALL
),
band_counts AS (
    SELECT cluster_id, year, count(*) AS bands FROM bands GROUP BY ALL
),
hhi_vertices AS (     -- max HHI is at a vertex where the k largest bands sit at their upper bound, the others at their lower
    SELECT t.cluster_id, t.year, k.k,
           sum(t.n * CASE WHEN t.band_rank <= k.k THEN t.h ELSE t.l END)                                   AS total,
           sum(t.n * CASE WHEN t.band_rank <= k.k THEN t.h * t.h ELSE t.l * t.l END)                       AS squares
    FROM top_bands AS t
    JOIN (SELECT cluster_id, year, unnest(range(0, bands + 1)) AS k FROM band_counts) AS k
      ON k.cluster_id = t.cluster_id AND k.year = t.year
    GROUP BY ALL
),
levels AS (           -- candidate levels m: every band bound
    SELECT DISTINCT cluster_id, year, l AS m FROM bands
    UNION
    SELECT DISTINCT cluster_id, year, h FROM bands WHERE h IS NOT NULL
),
clamped AS (          -- min CR4 and min HHI pull every establishment towards one level m: e = clamp(m, l, h)
    SELECT v.cluster_id, v.year, v.m, b.n, greatest(b.l, least(b.h, v.m)) AS e
    FROM levels AS v JOIN bands AS b ON b.cluster_id = v.cluster_id AND b.year = v.year
),
clamped_top AS (
    SELECT *,
           greatest(0, least(n, 4 - coalesce(sum(n) OVER (PARTITION BY cluster_id, year, m ORDER BY e DESC
                                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS in_top4
    FROM clamped
),
at_levels AS (
    SELECT cluster_id, year, m, sum(in_top4 * e) AS top4, sum(n * e) AS total, sum(n * e * e) AS squares
    FROM clamped_top
    GROUP BY ALL
),
pieces AS (           -- between two consecutive levels a < m < b (b NULL: above the last one)
    SELECT cluster_id, year, m AS a, lead(m) OVER (PARTITION BY cluster_id, year ORDER BY m) AS b FROM levels
),
piece_terms AS (      -- on a piece, the bands whose range spans it sit at m; the others are fixed at a bound
    SELECT p.cluster_id, p.year, p.a, p.b,
           sum(bd.n) FILTER (WHERE bd.l <= p.a AND (bd.h IS NULL OR bd.h >= p.b))                          AS c,
           coalesce(sum(bd.n * bd.l * bd.l) FILTER (WHERE bd.l >= p.b), 0)
             + coalesce(sum(bd.n * bd.h * bd.h) FILTER (WHERE bd.h <= p.a), 0)                              AS a_sq,
           coalesce(sum(bd.n * bd.l) FILTER (WHERE bd.l >= p.b), 0)
             + coalesce(sum(bd.n * bd.h) FILTER (WHERE bd.h <= p.a), 0)                                     AS b_sum
    FROM pieces AS p JOIN bands AS bd ON bd.cluster_id = p.cluster_id AND bd.year = p.year
    GROUP BY ALL
),
hhi_min_candidates AS (   -- HHI at every level, and where it is stationary inside a piece: m* = A / B gives A / (B^2 + c A)
    SELECT cluster_id, year, squares / (total * total) AS hhi FROM at_levels WHERE total > 0
    UNION ALL
    SELECT cluster_id, year,
           CASE WHEN b_sum = 0 THEN 1 / c ELSE a_sq / (b_sum * b_sum + c * a_sq) END
    FROM piece_terms
    WHERE c > 0 AND (b_sum = 0 OR (a_sq > a * b_sum AND (b IS NULL OR a_sq < b * b_sum)))
),
firm_bounds AS (
    SELECT f.cluster_id, f.year, cmin.firm_cr4_low, x.firm_cr4_high, hmin.firm_hhi_low,
           CASE WHEN f.open_band_firms = 0 THEN hmax.firm_hhi_high END AS firm_hhi_high
    FROM firms AS f
    JOIN cr4_max AS x ON x.cluster_id = f.cluster_id AND x.year = f.year
    LEFT JOIN (SELECT cluster_id, year, min(top4 / total) AS firm_cr4_low FROM at_levels WHERE total > 0 GROUP BY ALL) AS cmin
      ON cmin.cluster_id = f.cluster_id AND cmin.year = f.year
    LEFT JOIN (SELECT cluster_id, year, min(hhi) AS firm_hhi_low FROM hhi_min_candidates GROUP BY ALL) AS hmin
      ON hmin.cluster_id = f.cluster_id AND hmin.year = f.year
    LEFT JOIN (SELECT cluster_id, year, max(squares / (total * total)) AS firm_hhi_high FROM hhi_vertices WHERE total > 0 GROUP BY ALL) AS hmax
      ON hmax.cluster_id = f.cluster_id AND hmax.year = f.year
),
denue_flags AS (      -- every establishment of each DENUE snapshot, for each Mexican cluster with SCIAN codes:
                      -- is it of the cluster's activities, is it in the cluster's regions
    SELECT c.cluster_id, e.snapshot_year AS year, e.state_key, e.employment_mid,
           EXISTS (SELECT 1 FROM ref.cluster_scian AS s
                   WHERE s.cluster_id = c.cluster_id AND starts_with(e.scian_code, s.scian_code))      AS in_activity,
           EXISTS (SELECT 1 FROM ref.cluster_regions AS r
                   WHERE r.cluster_id = c.cluster_id AND starts_with(e.municipality_key, r.inegi_key)) AS in_region
    FROM ref.clusters AS c
    CROSS JOIN intermediate.int_denue_establishments AS e
    WHERE c.country_iso3 = 'MEX' AND EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id)
),
denue_activity AS (   -- employment (midpoints) by state: of the cluster's activities, and of everything in the snapshot
    SELECT cluster_id, year, state_key,
           sum(employment_mid) FILTER (WHERE in_activity)              AS activity_mid,
           sum(employment_mid)                                         AS all_mid,
           sum(employment_mid) FILTER (WHERE in_activity AND in_region) AS region_activity_mid,
           sum(employment_mid) FILTER (WHERE in_region)                AS region_all_mid
    FROM denue_flags
    GROUP BY cluster_id, year, state_key
),
lorenz AS (           -- states ordered by their location quotient; cumulative shares of all employment (x) and of the activity (y)
    SELECT cluster_id, year, state_key,
           sum(all_mid) OVER w / sum(all_mid) OVER (PARTITION BY cluster_id, year)                        AS x,
           coalesce(sum(activity_mid) OVER w, 0) / nullif(sum(activity_mid) OVER (PARTITION BY cluster_id, year), 0) AS y
    FROM denue_activity
    WINDOW w AS (PARTITION BY cluster_id, year ORDER BY coalesce(activity_mid, 0) / all_mid, state_key
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
lorenz_area AS (
    SELECT cluster_id, year,
           sum((x - coalesce(prev_x, 0)) * (y + coalesce(prev_y, 0)) / 2) AS area,
           count(*) AS states
    FROM (SELECT *, lag(x) OVER (PARTITION BY cluster_id, year ORDER BY x, y) AS prev_x,
                    lag(y) OVER (PARTITION BY cluster_id, year ORDER BY x, y) AS prev_y FROM lorenz)
    GROUP BY cluster_id, year
),
denue_location AS (
    SELECT d.cluster_id, d.year,
           (sum(d.region_activity_mid) / nullif(sum(d.region_all_mid), 0))
             / nullif(sum(d.activity_mid) / nullif(sum(d.all_mid), 0), 0) AS location_quotient,
           0.5 - min(l.area)                                                AS locational_gini,
           min(l.states)                                                    AS states
    FROM denue_activity AS d
    JOIN lorenz_area AS l ON l.cluster_id = d.cluster_id AND l.year = d.year
    GROUP BY d.cluster_id, d.year
),
-- Regional share from the Economic Census: the cluster's areas (its states, and its municipalities outside those states)
-- over the nation, summed over all of the cluster's SCIAN codes at ONE code level: the most specific level (3 to 6
-- digits, not finer than the cluster's shortest code) at which the census has a row for every code in every area and
-- nationally. Totals only (no size strata); one census source per cell (the first source id). Of employment (H001A) and
-- of gross production (A111A), each NULL only when a cell it uses withholds that measure.
census_cells AS (
    SELECT *
    FROM staging.stg_inegi_census
    WHERE scian_code IS NOT NULL AND (size_stratum IS NULL OR lower(size_stratum) LIKE 'total%')
    QUALIFY row_number() OVER (PARTITION BY census_year, area_level, state_key, municipality_key, scian_code ORDER BY source_id) = 1
),
census_areas AS (
    SELECT r.cluster_id, CASE WHEN length(r.inegi_key) = 2 THEN 'state' ELSE 'municipality' END AS area_level,
           left(r.inegi_key, 2) AS state_key, CASE WHEN length(r.inegi_key) = 5 THEN r.inegi_key END AS municipality_key
    FROM ref.cluster_regions AS r
    WHERE length(r.inegi_key) = 2
       OR (length(r.inegi_key) = 5 AND NOT EXISTS (SELECT 1 FROM ref.cluster_regions AS s
                                                   WHERE s.cluster_id = r.cluster_id AND s.inegi_key = left(r.inegi_key, 2)))
),
census_codes AS (     -- the cluster's codes at each level from 3 digits to its shortest code's length
    SELECT DISTINCT s.cluster_id, n.len, left(s.scian_code, n.len) AS code
    FROM ref.cluster_scian AS s
    CROSS JOIN (SELECT unnest(range(3, 7)) AS len) AS n
    WHERE n.len <= (SELECT min(length(t.scian_code)) FROM ref.cluster_scian AS t WHERE t.cluster_id = s.cluster_id)
),
census_needed AS (    -- every cell a level needs: each code nationally and in each of the cluster's areas
    SELECT k.cluster_id, y.census_year, k.len, k.code, 'national' AS area_level, '00' AS state_key, NULL::VARCHAR AS municipality_key,
           false AS regional
    FROM census_codes AS k CROSS JOIN (SELECT DISTINCT census_year FROM census_cells) AS y
    WHERE EXISTS (SELECT 1 FROM census_areas AS a WHERE a.cluster_id = k.cluster_id)
    UNION ALL
    SELECT k.cluster_id, y.census_year, k.len, k.code, a.area_level, a.state_key, a.municipality_key, true
    FROM census_codes AS k JOIN census_areas AS a ON a.cluster_id = k.cluster_id
    CROSS JOIN (SELECT DISTINCT census_year FROM census_cells) AS y
),
census_levels AS (
    SELECT n.cluster_id, n.census_year, n.len,
           count(x.census_year) = count(*)                                                     AS complete,
           sum(x.employment::BIGINT) FILTER (WHERE n.regional)                                         AS region_employment,
           sum(x.employment::BIGINT) FILTER (WHERE NOT n.regional)                                     AS national_employment,
           count(*) FILTER (WHERE x.employment IS NULL)                                        AS employment_withheld,
           sum(x.gross_production_mxn_m::DECIMAL(18, 3)) FILTER (WHERE n.regional)                         AS region_production,
           sum(x.gross_production_mxn_m::DECIMAL(18, 3)) FILTER (WHERE NOT n.regional)                         AS national_production,
           count(*) FILTER (WHERE x.gross_production_mxn_m IS NULL)                            AS production_withheld,
           string_agg(DISTINCT n.code, ', ' ORDER BY n.code)                                  AS codes,
           count(DISTINCT coalesce(n.municipality_key, n.state_key)) FILTER (WHERE n.regional) AS areas
    FROM census_needed AS n
    LEFT JOIN census_cells AS x
      ON x.census_year = n.census_year AND x.area_level = n.area_level AND x.state_key = n.state_key
     AND x.municipality_key IS NOT DISTINCT FROM n.municipality_key AND x.scian_code = n.code
    GROUP BY ALL
),
census AS (
    SELECT cluster_id, census_year AS year, codes AS census_scian_codes, areas,
           CASE WHEN employment_withheld = 0 THEN region_employment / nullif(national_employment, 0) END         AS regional_share,
           CASE WHEN production_withheld = 0 THEN region_production / nullif(national_production, 0) END         AS regional_output_share,
           employment_withheld > 0 AS employment_withheld,
           production_withheld > 0 AS production_withheld
    FROM census_levels
    WHERE complete
    QUALIFY row_number() OVER (PARTITION BY cluster_id, census_year ORDER BY len DESC) = 1
),
exporter_firms AS (   -- firms' exports of the cluster's country and HS codes (staging.stg_firm_exports, users' tables), exact
    SELECT c.cluster_id, f.year, f.exporter, sum(f.value_usd::DECIMAL(18, 2)) AS value
    FROM ref.clusters AS c
    JOIN staging.stg_firm_exports AS f ON f.country_iso3 = c.country_iso3 AND f.value_usd IS NOT NULL
    WHERE EXISTS (SELECT 1 FROM ref.cluster_hs_codes AS h WHERE h.cluster_id = c.cluster_id
                  AND (starts_with(f.hs_code, h.hs_code) OR starts_with(h.hs_code, f.hs_code) AND length(f.hs_code) = 6))
    GROUP BY ALL
    HAVING sum(f.value_usd::DECIMAL(18, 2)) > 0
),
exporter_concentration AS (
    SELECT cluster_id, year, count(*) AS exporter_firm_count,
           sum(value) FILTER (WHERE rank <= 4) / sum(value) AS exporter_firm_cr4,
           list_sum(list((value / total) * (value / total) ORDER BY rank)) AS exporter_firm_hhi   -- in a fixed order: reruns give identical bits
    FROM (SELECT *, row_number() OVER (PARTITION BY cluster_id, year ORDER BY value DESC, exporter) AS rank,
                 sum(value) OVER (PARTITION BY cluster_id, year) AS total
          FROM exporter_firms)
    GROUP BY ALL
),
keys AS (
    SELECT cluster_id, year FROM trade
    UNION SELECT cluster_id, year FROM exporter_concentration
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
    fb.firm_cr4_low,
    fb.firm_cr4_high,
    f.firm_hhi_mid,
    dl.location_quotient,
    ce.regional_share,
    dl.locational_gini,
    nullif(concat_ws('; ',
        CASE WHEN t.cluster_id IS NULL THEN 'no trade data for the year' END,
        CASE WHEN NOT sc.has_scian THEN 'no SCIAN codes: firm and regional indicators do not apply'
             WHEN f.cluster_id IS NULL THEN 'no DENUE snapshot for the year' END,
        CASE WHEN f.open_band_firms > 0 THEN 'firm high bounds NULL: ' || f.open_band_firms || ' establishment(s) in the open band 251 y más (no upper bound)' END,
        CASE WHEN NOT sc.has_scian OR ce.cluster_id IS NULL THEN NULL
             WHEN ce.employment_withheld
             THEN 'regional_share NULL: a census cell is withheld (confidential): employment (H001A) of SCIAN ' || ce.census_scian_codes
             ELSE 'regional_share: census employment (H001A) of SCIAN ' || ce.census_scian_codes || ' in ' || ce.areas
                  || ' area(s) of the cluster / national' END,
        CASE WHEN sc.has_scian AND ce.cluster_id IS NOT NULL AND ce.production_withheld
             THEN 'regional_output_share NULL: census gross production (A111A) withheld in a cell' END,
        CASE WHEN dl.cluster_id IS NOT NULL
             THEN 'location_quotient and locational_gini relative to the DENUE extracts loaded (' || dl.states || ' state(s)); a national DENUE download gives the national ones' END
    ), '')                              AS notes,
    fb.firm_hhi_low,
    fb.firm_hhi_high,
    ce.regional_output_share,
    ec.exporter_firm_count,
    ec.exporter_firm_cr4::DOUBLE        AS exporter_firm_cr4,
    ec.exporter_firm_hhi::DOUBLE        AS exporter_firm_hhi
FROM keys AS k
LEFT JOIN exporter_concentration AS ec ON ec.cluster_id = k.cluster_id AND ec.year = k.year
LEFT JOIN trade AS t ON t.cluster_id = k.cluster_id AND t.year = k.year
LEFT JOIN destination_cr AS d ON d.cluster_id = k.cluster_id AND d.year = k.year
LEFT JOIN products AS p ON p.cluster_id = k.cluster_id AND p.year = k.year
LEFT JOIN world AS w ON w.cluster_id = k.cluster_id AND w.year = k.year
LEFT JOIN firms AS f ON f.cluster_id = k.cluster_id AND f.year = k.year
LEFT JOIN firm_bounds AS fb ON fb.cluster_id = k.cluster_id AND fb.year = k.year
LEFT JOIN census AS ce ON ce.cluster_id = k.cluster_id AND ce.year = k.year
LEFT JOIN denue_location AS dl ON dl.cluster_id = k.cluster_id AND dl.year = k.year AND f.cluster_id IS NOT NULL
JOIN (SELECT c.cluster_id, EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id) AS has_scian
      FROM ref.clusters AS c) AS sc ON sc.cluster_id = k.cluster_id;

COMMENT ON TABLE marts.cluster_concentration IS 'Concentration of each cluster per year: destinations, products, world exporters, firms (DENUE snapshots, from employment size bands, with true low/high bounds) and regional share (Economic Census). NULL with a reason in notes where a source does not cover the cluster or a cell is withheld.';
COMMENT ON COLUMN marts.cluster_concentration.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_concentration.year IS 'Year: of the trade data, of the census, or of the DENUE snapshot (intermediate.int_denue_establishments: the newest registration month of its source).';
COMMENT ON COLUMN marts.cluster_concentration.destination_hhi IS 'HHI of destinations by export value (sum of squared shares), in (0, 1].';
COMMENT ON COLUMN marts.cluster_concentration.destination_cr4 IS 'Share of the four largest destinations in the cluster''s exports (ties broken by partner code; the sum is the same whichever tied partner is taken).';
COMMENT ON COLUMN marts.cluster_concentration.product_hhi IS 'HHI of the cluster''s HS6 products in its exports.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_hhi_world IS 'HHI of exporters in world exports of the cluster''s products: how concentrated world supply is.';
COMMENT ON COLUMN marts.cluster_concentration.cluster_rank_world IS 'Rank of the cluster''s country among world exporters of its products (1 = largest; tied exporters share a rank and the next rank is skipped: 1, 2, 2, 4).';
COMMENT ON COLUMN marts.cluster_concentration.firm_count IS 'DENUE establishments of the cluster''s SCIAN activities in its regions in the snapshot (exact; an establishment once).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_low IS 'Their employment, lower estimate (sum of the bands'' lower bounds).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_mid IS 'Their employment, central estimate (band midpoints; 376.5 for 251 y más).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_high IS 'Their employment, upper estimate; NULL when an establishment is in the open band 251 y más (see notes).';
COMMENT ON COLUMN marts.cluster_concentration.firm_cr4_low IS 'Smallest employment share of the four largest establishments that their size bands allow (the establishments pulled towards one common level within their bands); a true lower bound.';
COMMENT ON COLUMN marts.cluster_concentration.firm_cr4_high IS 'Largest CR4 the bands allow: the four largest at their upper bounds, all others at their lower bounds; NULL with an establishment in the open band 251 y más (no upper bound: CR4 can come as close to 1 as it likes).';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_mid IS 'HHI of establishments by employment midpoints.';
COMMENT ON COLUMN marts.cluster_concentration.location_quotient IS 'Location quotient (e_rs / e_r) / (e_Ns / e_N) on DENUE employment midpoints: the cluster''s activities s in its regions r against everything N in the snapshot''s DENUE extracts (national with a national download); on the DENUE snapshot row.';
COMMENT ON COLUMN marts.cluster_concentration.regional_share IS 'Share of national EMPLOYMENT (census H001A): the cluster''s activity in its states and municipalities / nationally, summed over its SCIAN codes at one code level (see notes); NULL only when a cell it uses withholds employment.';
COMMENT ON COLUMN marts.cluster_concentration.locational_gini IS 'Locational Gini of the cluster''s activities across the states of the snapshot''s DENUE extracts: 0.5 minus the area under the Lorenz curve of activity vs total employment (states ordered by location quotient); 0 = spread like all activity, at most 0.5.';
COMMENT ON COLUMN marts.cluster_concentration.notes IS 'Why indicators are NULL, and what regional_share is of (measure, SCIAN codes, areas).';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_low IS 'Smallest HHI of establishments by employment that their size bands allow (employment as equal as the bands let it be); a true lower bound.';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_high IS 'Largest HHI the bands allow (the largest bands at their upper bounds, the others at their lower bounds); NULL with an establishment in the open band 251 y más.';
COMMENT ON COLUMN marts.cluster_concentration.regional_output_share IS 'Share of national gross PRODUCTION (census A111A, current pesos), same areas, codes and level as regional_share; NULL only when a cell it uses withholds production.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_firm_count IS 'Exporting firms of the cluster''s country and HS codes with exports in the year, from users'' tables (staging.stg_firm_exports, source kind table, values in USD); NULL without such a table.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_firm_cr4 IS 'Share of the four largest exporting firms in those firms'' exports (ties broken by name).';
COMMENT ON COLUMN marts.cluster_concentration.exporter_firm_hhi IS 'HHI of exporting firms: sum of squared shares of their exports, in (0, 1].';
