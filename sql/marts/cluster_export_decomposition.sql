-- Export growth decomposition (Amighini, in Pietrobelli & Rabellotti ch. 9) and the upgrading quadrant
-- (Kaplinsky & Readman), per cluster, for consecutive years and for a window of
-- getvariable('decomposition_window_years') years (ref.settings). With V = X / Q (unit value, USD/kg),
-- Q the cluster's quantity, Qw the world quantity of its products and M = Q / Qw its market share:
--   dX = V1 (M0 dQw + dM Qw0 + dM dQw) + Q0 dV
--      = world demand effect + market share effect + interaction effect + unit value effect
-- X here is V Q: the value of the flows with a known quantity, so the four effects add up to delta_value_usd
-- exactly. Years where the cluster or the world has no known quantity give no row.
-- config: partition_by=year_to, lookback_years=decomposition_window_years
WITH per_year AS (
    SELECT cluster_id, year,
           unit_value_usd_kg   AS v,
           export_qty_kg       AS q,
           world_export_qty_kg AS qw,
           export_qty_kg / world_export_qty_kg AS m,
           relative_unit_value AS ruv
    FROM marts.cluster_exports
    WHERE export_qty_kg > 0 AND world_export_qty_kg > 0 AND unit_value_usd_kg IS NOT NULL
),
pairs AS (
    SELECT 'consecutive' AS comparison, a.cluster_id, a.year AS year_from, b.year AS year_to,
           a.v AS v0, b.v AS v1, a.q AS q0, b.q AS q1, a.qw AS qw0, b.qw AS qw1, a.m AS m0, b.m AS m1, a.ruv AS ruv0, b.ruv AS ruv1
    FROM per_year AS a JOIN per_year AS b ON b.cluster_id = a.cluster_id AND b.year = a.year + 1
    UNION ALL
    SELECT 'window', a.cluster_id, a.year, b.year,
           a.v, b.v, a.q, b.q, a.qw, b.qw, a.m, b.m, a.ruv, b.ruv
    FROM per_year AS a JOIN per_year AS b
      ON b.cluster_id = a.cluster_id AND b.year = a.year + getvariable('decomposition_window_years')
)
SELECT
    cluster_id,
    comparison,
    year_from,
    year_to,
    v1 * q1 - v0 * q0              AS delta_value_usd,
    v1 * m0 * (qw1 - qw0)          AS world_demand_effect,
    v1 * (m1 - m0) * qw0           AS market_share_effect,
    v1 * (m1 - m0) * (qw1 - qw0)   AS interaction_effect,
    q0 * (v1 - v0)                 AS unit_value_effect,
    m0                             AS market_share_from,
    m1                             AS market_share_to,
    ruv0                           AS relative_unit_value_from,
    ruv1                           AS relative_unit_value_to,
    CASE WHEN ruv0 IS NULL OR ruv1 IS NULL THEN NULL
         WHEN m1 > m0 AND ruv1 > ruv0 THEN 'upgrading'
         WHEN m1 > m0 THEN 'immiserising growth'
         WHEN ruv1 > ruv0 THEN 'niche'
         ELSE 'downgrading' END    AS quadrant
FROM pairs;

COMMENT ON TABLE marts.cluster_export_decomposition IS 'Change in a cluster''s exports between two years split into world demand, market share, interaction and unit value effects (Amighini), with the Kaplinsky-Readman upgrading quadrant; consecutive years and a window of decomposition_window_years (ref.settings).';
COMMENT ON COLUMN marts.cluster_export_decomposition.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_export_decomposition.comparison IS 'consecutive (year_to = year_from + 1) or window (year_to = year_from + decomposition_window_years).';
COMMENT ON COLUMN marts.cluster_export_decomposition.year_from IS 'Base year t0.';
COMMENT ON COLUMN marts.cluster_export_decomposition.year_to IS 'End year t1.';
COMMENT ON COLUMN marts.cluster_export_decomposition.delta_value_usd IS 'V1 Q1 - V0 Q0, USD: change in the value of the exports with a known quantity; equals the sum of the four effects.';
COMMENT ON COLUMN marts.cluster_export_decomposition.world_demand_effect IS 'V1 M0 dQw, USD: growth the cluster would have had by keeping its market share as world demand changed.';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_effect IS 'V1 dM Qw0, USD: from gaining or losing market share (by quantity).';
COMMENT ON COLUMN marts.cluster_export_decomposition.interaction_effect IS 'V1 dM dQw, USD: share change times world demand change.';
COMMENT ON COLUMN marts.cluster_export_decomposition.unit_value_effect IS 'Q0 dV, USD: from the change in the cluster''s unit value (price and quality).';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_from IS 'M0 = Q0 / Qw0: the cluster''s share of world quantity in year_from.';
COMMENT ON COLUMN marts.cluster_export_decomposition.market_share_to IS 'M1 = Q1 / Qw1 in year_to.';
COMMENT ON COLUMN marts.cluster_export_decomposition.relative_unit_value_from IS 'Unit value relative to all other exporters of the same products in year_from (marts.cluster_exports.relative_unit_value).';
COMMENT ON COLUMN marts.cluster_export_decomposition.relative_unit_value_to IS 'The same in year_to.';
COMMENT ON COLUMN marts.cluster_export_decomposition.quadrant IS 'Kaplinsky-Readman: upgrading (share up, relative unit value up), immiserising growth (share up, unit value not up), niche (share not up, unit value up), downgrading (neither up); NULL without relative unit values.';
