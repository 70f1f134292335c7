-- Cross-source check: each cluster's country's reported exports (Comtrade flow X, FOB) of the cluster's HS products
-- against its partners' mirror imports from it (flow M, CIF, divided by 1 + cif_fob_margin: intermediate.
-- int_trade_mirror_flows), over the partner-product pairs both sides reported (annual, same HS vintage), summed per
-- cluster and year. The gap is the project's mirror discrepancy |X - M_fob| / (X + M_fob) of the sums; the three
-- partners with the largest |X_p - M_fob_p| are listed. Pairs one side alone reported are left out of the sums and
-- counted in compared. Values are summed as DECIMAL (cents; M_fob rounded to the cent first). No Comtrade pair reported by both sides: no row (BACI is reconciled already and has no mirror).
-- Reason: re_exports (the country reported re-exports of the products: importers may attribute re-exported goods to it,
-- or it may count them under exports).
-- Rows in the shape of marts.source_reconciliation.
-- config: partition_by=year
WITH flows AS (
    SELECT p.cluster_id, m.year, m.importer_key, m.reported_export_usd, m.mirror_import_cif_usd, m.mirror_import_fob_usd
    FROM ref.clusters AS c
    JOIN intermediate.int_cluster_products AS p USING (cluster_id)
    JOIN intermediate.int_trade_mirror_flows AS m
      ON m.hs_vintage = p.hs_vintage AND m.product_code = p.product_code AND m.exporter_key = c.country_iso3
    WHERE m.month IS NULL AND m.product_level = 6
),
matched AS (           -- per partner, the products both sides reported
    SELECT cluster_id, year, importer_key,
           sum(reported_export_usd)                        AS x_usd,
           sum(mirror_import_fob_usd::DECIMAL(18, 2))      AS m_fob_usd
    FROM flows
    WHERE reported_export_usd IS NOT NULL AND mirror_import_cif_usd IS NOT NULL
    GROUP BY ALL
),
one_sided AS (         -- what one side alone reported: left out of the sums
    SELECT cluster_id, year,
           sum(reported_export_usd) FILTER (WHERE mirror_import_cif_usd IS NULL)                   AS x_only_usd,
           sum(mirror_import_fob_usd::DECIMAL(18, 2)) FILTER (WHERE reported_export_usd IS NULL) AS m_only_fob_usd
    FROM flows
    GROUP BY ALL
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY cluster_id, year ORDER BY abs(x_usd - m_fob_usd) DESC, importer_key) AS gap_rank
    FROM matched
),
totals AS (
    SELECT cluster_id, year,
           sum(x_usd)     AS x_usd,
           sum(m_fob_usd) AS m_fob_usd,
           count(*)       AS partners,
           string_agg(printf('%s: X %.2f, M_fob %.2f (%+.2f)', importer_key, x_usd::DOUBLE, m_fob_usd::DOUBLE, (x_usd - m_fob_usd)::DOUBLE), '; ' ORDER BY gap_rank)
               FILTER (WHERE gap_rank <= 3) AS largest_partner_gaps
    FROM ranked
    GROUP BY ALL
)
SELECT
    t.cluster_id,
    t.year,
    'mirror_exports_value'                                                            AS check_name,
    'USD'                                                                             AS unit,
    'Comtrade exports reported by the country (FOB)'                                  AS left_source,
    t.x_usd                                                                           AS left_value,
    'Comtrade mirror imports of its partners (CIF / (1 + ' || getvariable('cif_fob_margin') || '))' AS right_source,
    t.m_fob_usd                                                                       AS right_value,
    'discrepancy'                                                                     AS gap_measure,
    getvariable('mirror_discrepancy_threshold')::DOUBLE                               AS threshold,
    CASE WHEN r.re_export_usd > 0 THEN 're_exports' END                               AS reason_code,
    CASE WHEN r.re_export_usd > 0
         THEN 'the country reported re-exports of ' || r.re_export_usd || ' USD of the products' END AS reason_detail,
    t.partners || ' partner(s) reported by both sides; left out, exports no partner reported: '
        || printf('%.2f', coalesce(o.x_only_usd, 0)::DOUBLE) || ' USD, mirror imports the country did not report: '
        || printf('%.2f', coalesce(o.m_only_fob_usd, 0)::DOUBLE) || ' USD (FOB)'               AS compared,
    t.largest_partner_gaps
FROM totals AS t
JOIN one_sided AS o USING (cluster_id, year)
LEFT JOIN intermediate.int_cluster_re_exports AS r
       ON r.cluster_id = t.cluster_id AND r.year = t.year AND r.product_set = 'hs codes';

COMMENT ON TABLE intermediate.int_reconcile_mirror IS 'Cross-source check rows: each cluster''s country''s reported exports (Comtrade X, FOB) of its HS products against its partners'' mirror imports (M CIF / (1 + cif_fob_margin)), over the pairs both sides reported, with the three partners of largest gap (marts.source_reconciliation).';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.cluster_id IS 'Cluster id.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.check_name IS 'mirror_exports_value.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.unit IS 'USD.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.left_source IS 'Comtrade exports reported by the cluster''s country (FOB).';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.left_value IS 'X: the country''s reported exports of the cluster''s products (USD, FOB), over the partner-product pairs the importer reported too.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.right_source IS 'Comtrade mirror imports of the partners, with the CIF/FOB margin used.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.right_value IS 'M_fob: the partners'' reported imports from the country of the same pairs, CIF / (1 + cif_fob_margin) (USD).';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.gap_measure IS 'discrepancy: |X - M_fob| / (X + M_fob), the project''s mirror discrepancy (intermediate.int_trade_mirror_flows) of the sums.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.threshold IS 'mirror_discrepancy_threshold (ref.settings).';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.reason_code IS 're_exports when the country reported re-exports (Comtrade RX) of the cluster''s products that year; NULL otherwise.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.reason_detail IS 'The re-export value behind re_exports.';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.compared IS 'Partners reported by both sides, and the values left out because one side alone reported them (USD, FOB).';
COMMENT ON COLUMN intermediate.int_reconcile_mirror.largest_partner_gaps IS 'The three partners with the largest |X_p - M_fob_p| (ties by partner code): partner: X, M_fob (X - M_fob), USD.';
