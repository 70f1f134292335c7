-- Firm concentration of each Mexican cluster per DENUE snapshot, as bounds. Each establishment's employment e_i is only
-- known to lie in its band [l_i, h_i] (h open for 251 y más); the bounds are the smallest and largest values CR4 and HHI
-- can take over every e in those bands (docs/indicators.md, "Firm concentration from bands"). DENUE's bands do not
-- overlap, so establishments of one band are interchangeable and everything is computed on the bands (l, h, n
-- establishments), exactly in integers.
-- config: partition_by=year
WITH bands AS (
    SELECT cluster_id, snapshot_year AS year, employment_low::BIGINT AS l, employment_high::BIGINT AS h, count(*) AS n
    FROM intermediate.int_cluster_establishments
    WHERE cluster_id IN (SELECT cluster_id FROM intermediate.int_cluster_firms)
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
)
SELECT f.cluster_id, f.year, cmin.firm_cr4_low, x.firm_cr4_high, hmin.firm_hhi_low,
       CASE WHEN f.open_band_firms = 0 THEN hmax.firm_hhi_high END AS firm_hhi_high
FROM intermediate.int_cluster_firms AS f
JOIN cr4_max AS x ON x.cluster_id = f.cluster_id AND x.year = f.year
LEFT JOIN (SELECT cluster_id, year, min(top4 / total) AS firm_cr4_low FROM at_levels WHERE total > 0 GROUP BY ALL) AS cmin
  ON cmin.cluster_id = f.cluster_id AND cmin.year = f.year
LEFT JOIN (SELECT cluster_id, year, min(hhi) AS firm_hhi_low FROM hhi_min_candidates GROUP BY ALL) AS hmin
  ON hmin.cluster_id = f.cluster_id AND hmin.year = f.year
LEFT JOIN (SELECT cluster_id, year, max(squares / (total * total)) AS firm_hhi_high FROM hhi_vertices WHERE total > 0 GROUP BY ALL) AS hmax
  ON hmax.cluster_id = f.cluster_id AND hmax.year = f.year;

COMMENT ON TABLE intermediate.int_cluster_firm_bounds IS 'True low/high bounds of the CR4 and HHI of each Mexican cluster''s establishments by employment per DENUE snapshot, over every employment their size bands allow.';
COMMENT ON COLUMN intermediate.int_cluster_firm_bounds.cluster_id IS 'Cluster id (ref.clusters; Mexican clusters only).';
COMMENT ON COLUMN intermediate.int_cluster_firm_bounds.year IS 'Year of the DENUE snapshot (intermediate.int_denue_establishments).';
COMMENT ON COLUMN intermediate.int_cluster_firm_bounds.firm_cr4_low IS 'Smallest employment share of the four largest establishments the bands allow (all pulled towards one common level).';
COMMENT ON COLUMN intermediate.int_cluster_firm_bounds.firm_cr4_high IS 'Largest CR4 the bands allow (the four largest at their upper bounds, the others at their lower); NULL with an establishment in the open band.';
COMMENT ON COLUMN intermediate.int_cluster_firm_bounds.firm_hhi_low IS 'Smallest HHI the bands allow (employment as equal as the bands let it be).';
COMMENT ON COLUMN intermediate.int_cluster_firm_bounds.firm_hhi_high IS 'Largest HHI the bands allow (the largest bands at their upper bounds, the others at their lower); NULL with an establishment in the open band.';
