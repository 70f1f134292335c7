-- Export growth decomposition (Amighini, in Pietrobelli & Rabellotti ch. 9) and the upgrading quadrant
-- (Kaplinsky & Readman), per cluster, for consecutive years and for a window of
-- getvariable('decomposition_window_years') years (ref.settings). Definitions: docs/indicators.md.
-- The decomposition is done product by product (intermediate.int_cluster_product_exports: product_key, the same goods
-- in every HS vintage) and summed, so that a change of product mix is not read as a change of price or share. For a
-- product p, with V = X / Q (unit value, USD/kg), Q the cluster's quantity, Qw the world quantity and M = Q / Qw:
--   dX_p = V1 (M0 dQw + dM Qw0 + dM dQw) + Q0 dV
--        = world demand effect + market share effect + interaction effect + unit value effect
-- X here is V Q: the value of the flows with a known quantity, so the four effects add up to delta_value_usd. A product
-- the cluster exported (with a known quantity) in one of the two years only counts with Q = 0 and M = 0 in the other,
-- at the unit value of the year it was exported: its whole value enters or leaves through the market share and
-- interaction effects. Years where the cluster or the world has no known quantity give no row.
-- The quadrant compares the cluster's market share (by quantity, sum Q / sum Qw) and its relative unit value
-- (marts.cluster_exports, value-weighted over products); a relative change within getvariable('quadrant_tolerance')
-- counts as no change (quadrant 'within tolerance'), so float noise never decides a quadrant.
-- Sums over products add the effects in product order: reruns give identical numbers.
-- config: partition_by=year_to, lookback_years=decomposition_window_years
WITH per_year AS (       -- years of the cluster's data with a known quantity, cluster and world
    SELECT e.cluster_id, e.year, e.relative_unit_value AS ruv, e.trade_basis,
           sum(p.export_qty_kg) AS q, sum(p.world_qty_kg) AS qw,
           sum(p.export_qty_kg) / sum(p.world_qty_kg) AS m
    FROM marts.cluster_exports AS e
    JOIN intermediate.int_cluster_product_exports AS p ON p.cluster_id = e.cluster_id AND p.year = e.year
    GROUP BY ALL
    HAVING sum(p.export_qty_kg) > 0 AND sum(p.world_qty_kg) > 0
),
pairs AS (
    SELECT 'consecutive' AS comparison, a.cluster_id, a.year AS year_from, b.year AS year_to,
           a.m AS m0, b.m AS m1, a.ruv AS ruv0, b.ruv AS ruv1, a.trade_basis <> b.trade_basis AS basis_changed
    FROM per_year AS a JOIN per_year AS b ON b.cluster_id = a.cluster_id AND b.year = a.year + 1
    UNION ALL
    SELECT 'window', a.cluster_id, a.year, b.year, a.m, b.m, a.ruv, b.ruv, a.trade_basis <> b.trade_basis
    FROM per_year AS a JOIN per_year AS b
      ON b.cluster_id = a.cluster_id AND b.year = a.year + getvariable('decomposition_window_years')
),
pair_products AS (      -- every product the cluster exported with a known quantity in either year of a pair
    SELECT DISTINCT pr.*, p.product_key
    FROM pairs AS pr
    JOIN intermediate.int_cluster_product_exports AS p
      ON p.cluster_id = pr.cluster_id AND p.year IN (pr.year_from, pr.year_to) AND p.export_qty_kg > 0
),
product_years AS (      -- V, Q, Qw of each product in both years; Q = 0 (and V from the other year) where it is absent
    SELECT pp.comparison, pp.cluster_id, pp.year_from, pp.year_to, pp.product_key,
           a.export_value_with_qty_usd / a.export_qty_kg                               AS v0_,
           b.export_value_with_qty_usd / b.export_qty_kg                               AS v1_,
           coalesce(a.export_qty_kg, 0)::DOUBLE                                        AS q0,
           coalesce(b.export_qty_kg, 0)::DOUBLE                                        AS q1,
           coalesce(a.world_qty_kg, 0)::DOUBLE                                         AS qw0,
           coalesce(b.world_qty_kg, 0)::DOUBLE                                         AS qw1
    FROM pair_products AS pp
    LEFT JOIN intermediate.int_cluster_product_exports AS a
      ON a.cluster_id = pp.cluster_id AND a.year = pp.year_from AND a.product_key = pp.product_key
    LEFT JOIN intermediate.int_cluster_product_exports AS b
      ON b.cluster_id = pp.cluster_id AND b.year = pp.year_to AND b.product_key = pp.product_key
),
effects AS (
    SELECT comparison, cluster_id, year_from, year_to, product_key,
           v1 * m0 * (qw1 - qw0)          AS world_demand,
           v1 * (m1 - m0) * qw0           AS market_share,
           v1 * (m1 - m0) * (qw1 - qw0)   AS interaction,
           q0 * (v1 - v0)                 AS unit_value
    FROM (SELECT *, coalesce(v0_, v1_) AS v0, coalesce(v1_, v0_) AS v1,
                 CASE WHEN qw0 > 0 THEN q0 / qw0 ELSE 0 END AS m0, CASE WHEN qw1 > 0 THEN q1 / qw1 ELSE 0 END AS m1
          FROM product_years)
),
summed AS (
    SELECT comparison, cluster_id, year_from, year_to,
           count(*)                                                  AS products,
           list_sum(list(world_demand ORDER BY product_key))         AS world_demand_effect,
           list_sum(list(market_share ORDER BY product_key))         AS market_share_effect,
           list_sum(list(interaction ORDER BY product_key))          AS interaction_effect,
           list_sum(list(unit_value ORDER BY product_key))           AS unit_value_effect
    FROM effects
    GROUP BY ALL
),
values_with_qty AS (    -- the exact change in the value of the exports with a known quantity
    SELECT cluster_id, year, sum(export_value_with_qty_usd) FILTER (WHERE export_qty_kg > 0) AS x
    FROM intermediate.int_cluster_product_exports
    GROUP BY ALL
),
rated AS (
    SELECT pr.*, s.products, s.world_demand_effect, s.market_share_effect, s.interaction_effect, s.unit_value_effect,
           (x1.x - x0.x)::DOUBLE AS delta_value_usd,
           pr.m1 / pr.m0 - 1     AS market_share_change,
           pr.ruv1 / nullif(pr.ruv0, 0) - 1 AS relative_unit_value_change
    FROM pairs AS pr
    JOIN summed AS s USING (comparison, cluster_id, year_from, year_to)
    JOIN values_with_qty AS x0 ON x0.cluster_id = pr.cluster_id AND x0.year = pr.year_from
    JOIN values_with_qty AS x1 ON x1.cluster_id = pr.cluster_id AND x1.year = pr.year_to
)
SELECT
    cluster_id,
    comparison,
    year_from,
    year_to,
    delta_value_usd,
    world_demand_effect,
    market_share_effect,
    interaction_effect,
    unit_value_effect,
    m0                             AS market_share_from,
    m1                             AS market_share_to,
    ruv0                           AS relative_unit_value_from,
    ruv1                           AS relative_unit_value_to,
    CASE WHEN ruv0 IS NULL OR ruv1 IS NULL THEN NULL
         WHEN abs(market_share_change) <= getvariable('quadrant_tolerance')
           OR abs(relative_unit_value_change) <= getvariable('quadrant_tolerance') THEN 'within tolerance'
         WHEN m1 > m0 AND ruv1 > ruv0 THEN 'upgrading'
         WHEN m1 > m0 THEN 'immiserising growth'
         WHEN ruv1 > ruv0 THEN 'niche'
         ELSE 'downgrading' END    AS quadrant,
    market_share_change,
    relative_unit_value_change,
    products,
    basis_changed
FROM rated;

COMMENT ON TABLE marts.cluster_export_decomposition IS 'Change in a cluster''s exports between two years split, product by product and summed, into world demand, market share, interaction and unit value effects (Amighini), with the Kaplinsky-Readman upgrading quadrant; consecutive years and a window of decomposition_window_years (ref.settings).';
COMMENT ON COLUMN marts.cluster_export_decomposition.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_export_decomposition.comparison IS 'consecutive (year_to = year_from + 1) or window (year_to = year_from + decomposition_window_years).';
COMMENT ON COLUMN marts.cluster_export_decomposition.year_from IS 'Base year t0.';
COMMENT ON COLUMN marts.cluster_export_decomposition.year_to IS 'End year t1.';
COMMENT ON COLUMN marts.cluster_export_decomposition.delta_value_usd IS 'Change in the value of the exports with a known quantity, USD (sum_p V1 Q1 - V0 Q0, exact); equals the sum of the four effects.';
COMMENT ON COLUMN marts.cluster_export_decomposition.world_demand_effect IS 'sum_p V1 M0 dQw, USD: growth the cluster would have had by keeping each product''s market share as world demand for it changed.';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_effect IS 'sum_p V1 dM Qw0, USD: from gaining or losing market share (by quantity) product by product; products entering or leaving the cluster''s exports count here (share from or to 0).';
COMMENT ON COLUMN marts.cluster_export_decomposition.interaction_effect IS 'sum_p V1 dM dQw, USD: share change times world demand change.';
COMMENT ON COLUMN marts.cluster_export_decomposition.unit_value_effect IS 'sum_p Q0 dV, USD: from the change in each product''s unit value (price and quality), not from a change of product mix.';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_from IS 'M0: the cluster''s share of world quantity of its products in year_from (sum Q0 / sum Qw0 over products with known quantities).';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_to IS 'M1: the same in year_to.';
COMMENT ON COLUMN marts.cluster_export_decomposition.relative_unit_value_from IS 'Relative unit value in year_from: value-weighted over products, against all other exporters (marts.cluster_exports.relative_unit_value).';
COMMENT ON COLUMN marts.cluster_export_decomposition.relative_unit_value_to IS 'The same in year_to.';
COMMENT ON COLUMN marts.cluster_export_decomposition.quadrant IS 'Kaplinsky-Readman: upgrading (market share up, relative unit value up), immiserising growth (share up, unit value down), niche (share down, unit value up), downgrading (both down); within tolerance when either relative change is at most quadrant_tolerance (ref.settings) in absolute value; NULL without relative unit values.';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_change IS 'M1 / M0 - 1: relative change of the market share, compared with quadrant_tolerance.';
COMMENT ON COLUMN marts.cluster_export_decomposition.relative_unit_value_change IS 'RUV1 / RUV0 - 1: relative change of the relative unit value, compared with quadrant_tolerance; NULL without relative unit values.';
COMMENT ON COLUMN marts.cluster_export_decomposition.products IS 'Products (intermediate.int_cluster_product_exports.product_key) with a known quantity in either year: the terms of the sums.';
COMMENT ON COLUMN marts.cluster_export_decomposition.basis_changed IS 'True when the two years come from different trade data (marts.cluster_exports.trade_basis differs: BACI vs Comtrade, or another HS vintage).';
