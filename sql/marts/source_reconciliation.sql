-- Cross-source checks of each cluster per year: one row per cluster, year and check, comparing a figure of one source
-- (left) with the same figure seen by another (right), with their ratio, gap, the gap measure against a threshold
-- (ref.settings), whether it broke it, and the known causes that apply. The checks, one intermediate model each:
--   fao_trade_value, fao_trade_quantity  FAOSTAT TCL exports against BACI/Comtrade (intermediate.int_reconcile_fao_trade)
--   export_share_of_production           FAOSTAT exports over FAOSTAT production (int_reconcile_export_share)
--   mirror_exports_value                 reported exports against partners' mirror imports, CIF/FOB-adjusted
--                                        (int_reconcile_mirror)
--   denue_census_units                   DENUE establishments against census units (int_reconcile_census_units)
-- gap_index: discrepancy |L - R| / (L + R) in [0, 1] for two views of one figure, or the share L / R (export share);
-- flagged = gap_index > threshold. Definitions and reason codes: docs/indicators.md, "Cross-source checks".
-- config: partition_by=year
WITH checks AS (
    SELECT * FROM intermediate.int_reconcile_fao_trade
    UNION ALL BY NAME
    SELECT * FROM intermediate.int_reconcile_export_share
    UNION ALL BY NAME
    SELECT * FROM intermediate.int_reconcile_mirror
    UNION ALL BY NAME
    SELECT * FROM intermediate.int_reconcile_census_units
),
typed AS (             -- exact sums (DECIMAL) in the intermediates, one type in the mart
    SELECT * REPLACE (left_value::DOUBLE AS left_value, right_value::DOUBLE AS right_value) FROM checks
),
measured AS (
    SELECT *,
           CASE gap_measure
               WHEN 'discrepancy' THEN abs(left_value - right_value) / nullif(left_value + right_value, 0)
               WHEN 'share'       THEN left_value / nullif(right_value, 0)
           END AS gap_index
    FROM typed
)
SELECT
    cluster_id,
    year,
    check_name,
    unit,
    left_source,
    left_value,
    right_source,
    right_value,
    left_value / nullif(right_value, 0) AS ratio,
    left_value - right_value            AS gap,
    gap_measure,
    gap_index,
    threshold,
    gap_index > threshold               AS flagged,
    reason_code,
    reason_detail,
    compared,
    largest_partner_gaps
FROM measured
ORDER BY cluster_id, year, check_name;

COMMENT ON TABLE marts.source_reconciliation IS 'Cross-source checks per cluster, year and check: FAOSTAT trade against BACI/Comtrade (value, quantity), FAOSTAT exports against production (export share), reported exports against mirror imports (CIF/FOB-adjusted discrepancy, largest partner gaps), DENUE establishments against census units; with the gap measure, the threshold it is compared with, the flag and the reason codes that can explain a gap (docs/indicators.md, "Cross-source checks").';
COMMENT ON COLUMN marts.source_reconciliation.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.source_reconciliation.year IS 'Calendar year (census year for denue_census_units).';
COMMENT ON COLUMN marts.source_reconciliation.check_name IS 'The check: fao_trade_value, fao_trade_quantity, export_share_of_production, mirror_exports_value or denue_census_units.';
COMMENT ON COLUMN marts.source_reconciliation.unit IS 'Unit of left_value, right_value and gap: USD, t (tonnes) or establishments.';
COMMENT ON COLUMN marts.source_reconciliation.left_source IS 'The source of left_value (and the source ids or years it comes from).';
COMMENT ON COLUMN marts.source_reconciliation.left_value IS 'The figure checked: FAOSTAT exports (value or quantity), reported exports (X, FOB), DENUE establishments.';
COMMENT ON COLUMN marts.source_reconciliation.right_source IS 'The source it is checked against (the trade basis, FAOSTAT production, mirror imports with the CIF/FOB margin, the census year).';
COMMENT ON COLUMN marts.source_reconciliation.right_value IS 'The same figure in the other source; NULL when that source does not cover it (no trade data holding the products, no production figure) or withholds it (a confidential census cell), never 0 for missing.';
COMMENT ON COLUMN marts.source_reconciliation.ratio IS 'left_value / right_value; NULL when right_value is NULL or 0.';
COMMENT ON COLUMN marts.source_reconciliation.gap IS 'left_value - right_value, in unit; NULL when either is NULL.';
COMMENT ON COLUMN marts.source_reconciliation.gap_measure IS 'How gap_index is computed: discrepancy = |left - right| / (left + right) (0 when the sources agree, 1 when one has nothing), or share = left / right.';
COMMENT ON COLUMN marts.source_reconciliation.gap_index IS 'The gap measure''s value; NULL when it cannot be computed (a side NULL, or both 0).';
COMMENT ON COLUMN marts.source_reconciliation.threshold IS 'The setting gap_index is compared with (ref.settings): fao_trade_discrepancy_threshold, export_share_threshold, mirror_discrepancy_threshold or census_discrepancy_threshold.';
COMMENT ON COLUMN marts.source_reconciliation.flagged IS 'True when gap_index > threshold (the threshold it broke is in threshold); NULL when gap_index is NULL.';
COMMENT ON COLUMN marts.source_reconciliation.reason_code IS 'Known causes of a gap that apply to the row, whether flagged or not (comma-separated, in this order): fao_estimate_flag, product_coverage, re_exports, quantity_unit, confidential_cell. NULL when none: a flagged row without one is unexplained.';
COMMENT ON COLUMN marts.source_reconciliation.reason_detail IS 'The facts behind each reason code (flags, shared or split codes, re-export value, value without weight, withheld cells, census level).';
COMMENT ON COLUMN marts.source_reconciliation.compared IS 'What was compared: FAO items and HS products, partners matched and values left out, SCIAN codes, areas and years.';
COMMENT ON COLUMN marts.source_reconciliation.largest_partner_gaps IS 'mirror_exports_value only: the three partners with the largest |X - M_fob| (partner: X, M_fob (X - M_fob), USD); NULL for the other checks.';
