-- Cluster export indicators, one row per cluster and year of trade data (any HS vintage: the cluster's codes are
-- carried into the data's vintage by intermediate.int_cluster_products). Definitions: docs/indicators.md
-- (Balassa RCA, world market share, UNCTAD normalised HHI, unit values and the per-product relative unit value, export
-- share of production in primary equivalent, growth from zero never infinite, trade basis switches).
-- Sums are exact (DECIMAL, from the intermediate models); ratios are computed from them, so reruns give identical
-- numbers (the one sum of ratios, the relative unit value over products, adds them in product order).
-- A year's row reads that year and, for growth and the 5-year CAGR, the five before it.
-- config: partition_by=year, lookback_years=5
WITH world AS (          -- the year's trade basis and its totals: the world of shares and RCA (as marts.country_product_rca)
    SELECT * FROM intermediate.int_trade_world
),
country_totals AS (      -- each exporter's exports of all products, over every vintage of the basis
    SELECT year, exporter_key, sum(export_value_usd) AS country_all_products_usd
    FROM intermediate.int_country_product_exports
    GROUP BY ALL
),
products AS (            -- the cluster's products one by one: relative unit value of each (own UV / other exporters' UV)
    SELECT *,
           (export_value_with_qty_usd / export_qty_kg) / nullif(others_value_with_qty_usd / nullif(others_qty_kg, 0), 0) AS ruv
    FROM intermediate.int_cluster_product_exports
),
world_cluster_products AS (   -- every exporter's exports of the cluster's products; the value-weighted relative unit value
    SELECT cluster_id, year,
           sum(world_value_usd)                                  AS world_export_value_usd,
           sum(world_qty_kg)                                     AS world_export_qty_kg,
           list_sum(list(export_value_usd::DOUBLE * ruv ORDER BY product_key) FILTER (WHERE ruv IS NOT NULL))
             / nullif(sum(export_value_usd) FILTER (WHERE ruv IS NOT NULL), 0) AS relative_unit_value
    FROM products
    GROUP BY ALL
),
cluster_totals AS (
    SELECT f.cluster_id, f.year,
           sum(f.value_usd)                                                AS export_value_usd,
           sum(f.quantity_kg) FILTER (WHERE f.quantity_kg > 0)             AS export_qty_kg,
           sum(f.value_usd) FILTER (WHERE f.quantity_kg > 0)
             / sum(f.quantity_kg) FILTER (WHERE f.quantity_kg > 0)         AS unit_value_usd_kg,
           sum(f.quantity_kg * p.primary_factor) FILTER (WHERE f.quantity_kg > 0) / 1000 AS export_qty_primary_t,
           sum(f.value_usd) FILTER (WHERE f.quantity_kg > 0 AND p.primary_factor IS NOT NULL)
             / nullif(sum(f.quantity_kg * p.primary_factor) FILTER (WHERE f.quantity_kg > 0) / 1000, 0) AS unit_value_primary_usd_t,
           CASE WHEN count(DISTINCT f.value_basis) = 1 THEN min(f.value_basis) ELSE 'mixed' END AS value_basis
    FROM intermediate.int_cluster_export_flows AS f
    JOIN intermediate.int_cluster_products AS p
      ON p.cluster_id = f.cluster_id AND p.hs_vintage = f.hs_vintage AND p.product_code = f.product_code
    GROUP BY ALL
),
unit_value_trust AS (    -- what a trusted unit value of the cluster's exports leaves out, and why (marts.unit_value_checks)
    SELECT u.cluster_id, u.year,
           sum(u.trusted_value_usd)                                        AS trusted_value_usd,
           sum(u.trusted_value_usd) / nullif(sum(u.trusted_qty_kg), 0)     AS trusted_unit_value_usd_kg,
           sum(u.excluded_value_usd)                                       AS excluded_value_usd,
           -- the reason that takes out the most value over the cluster's products (ties: the first in this order)
           list_reduce([{'reason': 'outside_product_band', 'value': sum(u.value_outside_product_band_usd)},
                        {'reason': 'outside_own_history',  'value': sum(u.value_outside_own_history_usd)},
                        {'reason': 'no_quantity',          'value': sum(u.value_no_quantity_usd)},
                        {'reason': 'quantity_unit_not_kg', 'value': sum(u.value_unit_not_kg_usd)},
                        {'reason': 'zero_quantity',        'value': sum(u.value_zero_quantity_usd)}],
                       (a, b) -> CASE WHEN b.value > a.value THEN b ELSE a END)  AS main_reason
    FROM (SELECT p.cluster_id, v.*
          FROM intermediate.int_cluster_products AS p
          JOIN ref.clusters AS c USING (cluster_id)
          JOIN marts.unit_value_checks AS v
            ON v.hs_vintage = p.hs_vintage AND v.product_code = p.product_code AND v.exporter_key = c.country_iso3) AS u
    GROUP BY ALL
),
partner_values AS (      -- the cluster's exports per destination (exact), for the destination HHI
    SELECT cluster_id, year, importer_key, sum(value_usd) AS value_usd
    FROM intermediate.int_cluster_export_flows
    GROUP BY ALL
    HAVING sum(value_usd) > 0
),
destinations AS (
    SELECT v.cluster_id, v.year,
           count(*)                                                        AS n_destinations,
           sum(v.value_usd * v.value_usd) / (sum(v.value_usd) * sum(v.value_usd)) AS destination_hhi,
           max(v.value_usd) / sum(v.value_usd)                             AS top_destination_share,
           min(d.partner_key) FILTER (WHERE d.rank = 1)                    AS top_destination
    FROM partner_values AS v
    JOIN marts.cluster_destinations AS d
      ON d.cluster_id = v.cluster_id AND d.year = v.year AND d.partner_key = v.importer_key
    GROUP BY ALL
),
production AS (          -- FAO production of the cluster's items in its country (tonnes; one source per item and year)
    SELECT i.cluster_id, fp.year, sum(fp.production_t::DECIMAL(38, 3)) AS production_t
    FROM ref.cluster_fao_items AS i
    JOIN ref.clusters AS c USING (cluster_id)
    JOIN intermediate.int_fao_production AS fp ON fp.item_code_fao = i.item_code AND fp.area_iso3 = c.country_iso3
    GROUP BY ALL
),
base AS (
    SELECT
        c.cluster_id,
        y.year,
        c.name                                             AS cluster_name,
        c.country_iso3,
        c.hs_vintage,
        y.trade_hs_vintages,
        y.trade_basis,
        y.basis_reporters,
        y.basis_partners,
        coalesce(t.export_value_usd, 0)::DOUBLE            AS export_value_usd,
        t.export_qty_kg::DOUBLE                            AS export_qty_kg,
        w.world_export_value_usd::DOUBLE                   AS world_export_value_usd,
        w.world_export_qty_kg::DOUBLE                      AS world_export_qty_kg,
        coalesce(t.export_value_usd, 0) / nullif(w.world_export_value_usd, 0) AS world_share_value,
        t.export_qty_kg / nullif(w.world_export_qty_kg, 0) AS world_share_qty,
        (coalesce(t.export_value_usd, 0) / nullif(ct.country_all_products_usd, 0))
          / nullif(w.world_export_value_usd / nullif(y.world_total_usd, 0), 0) AS rca,
        coalesce(d.n_destinations, 0)                      AS n_destinations,
        d.top_destination,
        d.top_destination_share,
        d.destination_hhi,
        CASE WHEN d.n_destinations = 1 THEN 0.0
             ELSE (sqrt(d.destination_hhi) - sqrt(1.0 / d.n_destinations)) / (1 - sqrt(1.0 / d.n_destinations)) END
                                                           AS destination_hhi_norm,
        t.unit_value_usd_kg,
        ut.trusted_unit_value_usd_kg,
        coalesce(ut.trusted_value_usd, 0)::DOUBLE          AS unit_value_base_usd,
        coalesce(ut.excluded_value_usd, 0)::DOUBLE         AS unit_value_excluded_usd,
        coalesce(ut.excluded_value_usd, 0) / nullif(t.export_value_usd, 0) AS unit_value_excluded_share,
        CASE WHEN ut.excluded_value_usd > 0 THEN ut.main_reason.reason END AS unit_value_excluded_reason,
        w.relative_unit_value,
        t.export_qty_primary_t::DOUBLE                     AS export_qty_primary_t,
        t.unit_value_primary_usd_t,
        t.export_qty_primary_t / nullif(pr.production_t, 0) AS export_share_of_production,
        (coalesce(t.export_value_usd, 0) - im.import_value_usd)::DOUBLE AS trade_balance_usd,
        t.value_basis
    FROM ref.clusters AS c
    CROSS JOIN world AS y
    LEFT JOIN country_totals AS ct ON ct.year = y.year AND ct.exporter_key = c.country_iso3
    -- Only years whose trade data hold the cluster's products (someone exported them): a year covered by an extract
    -- of other products says nothing about the cluster, and must not read as zero exports.
    JOIN world_cluster_products AS w ON w.cluster_id = c.cluster_id AND w.year = y.year AND w.world_export_value_usd > 0
    LEFT JOIN cluster_totals AS t ON t.cluster_id = c.cluster_id AND t.year = y.year
    LEFT JOIN destinations AS d ON d.cluster_id = c.cluster_id AND d.year = y.year
    LEFT JOIN unit_value_trust AS ut ON ut.cluster_id = c.cluster_id AND ut.year = y.year
    LEFT JOIN intermediate.int_cluster_import_flows AS im ON im.cluster_id = c.cluster_id AND im.year = y.year
    LEFT JOIN production AS pr ON pr.cluster_id = c.cluster_id AND pr.year = y.year
),
with_history AS (
    SELECT *,
           lag(year) OVER w              AS previous_year,
           lag(export_value_usd) OVER w  AS previous_value_usd,
           lag(trade_basis) OVER w       AS previous_trade_basis
    FROM base
    WINDOW w AS (PARTITION BY cluster_id ORDER BY year)
)
SELECT
    h.cluster_id, h.year, h.cluster_name, h.country_iso3, h.hs_vintage, h.trade_hs_vintages,
    h.export_value_usd, h.export_qty_kg,
    CASE WHEN h.previous_year = h.year - 1 AND h.previous_value_usd > 0
         THEN h.export_value_usd / h.previous_value_usd - 1 END        AS growth_yoy,
    coalesce(h.previous_year = h.year - 1 AND h.previous_value_usd = 0 AND h.export_value_usd > 0, false) AS new_market,
    CASE WHEN f.export_value_usd > 0 THEN power(h.export_value_usd / f.export_value_usd, 1.0 / 5) - 1 END AS cagr_5y,
    h.world_export_value_usd, h.world_export_qty_kg, h.world_share_value, h.world_share_qty, h.rca,
    h.n_destinations, h.top_destination, h.top_destination_share, h.destination_hhi, h.destination_hhi_norm,
    h.unit_value_usd_kg, h.relative_unit_value, h.export_share_of_production, h.trade_balance_usd, h.value_basis,
    h.trade_basis,
    CASE WHEN h.previous_year = h.year - 1 THEN h.trade_basis <> h.previous_trade_basis END AS basis_changed_yoy,
    CASE WHEN f.cluster_id IS NOT NULL THEN h.trade_basis <> f.trade_basis END            AS basis_changed_5y,
    h.basis_reporters, h.basis_partners, h.export_qty_primary_t, h.unit_value_primary_usd_t,
    h.trusted_unit_value_usd_kg, h.unit_value_base_usd, h.unit_value_excluded_usd, h.unit_value_excluded_share,
    h.unit_value_excluded_reason
FROM with_history AS h
LEFT JOIN base AS f ON f.cluster_id = h.cluster_id AND f.year = h.year - 5;

COMMENT ON TABLE marts.cluster_exports IS 'Export indicators per cluster and year: value, volume, growth, world market shares, Balassa RCA, destinations and their concentration, unit values, export share of production and trade balance. National trade data for the cluster''s HS products (see ref.clusters.region).';
COMMENT ON COLUMN marts.cluster_exports.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_exports.year IS 'Calendar year: every year whose trade data hold exports of the cluster''s products by anyone (0 exports when the cluster''s country exported none of them).';
COMMENT ON COLUMN marts.cluster_exports.cluster_name IS 'Cluster name.';
COMMENT ON COLUMN marts.cluster_exports.country_iso3 IS 'Country of the cluster (ISO3).';
COMMENT ON COLUMN marts.cluster_exports.hs_vintage IS 'HS vintage the cluster''s codes are written in (ref.clusters).';
COMMENT ON COLUMN marts.cluster_exports.trade_hs_vintages IS 'HS vintage(s) of the trade data used for the year (intermediate.int_trade_basis).';
COMMENT ON COLUMN marts.cluster_exports.export_value_usd IS 'X: the country''s exports of the cluster''s products, USD (FOB; reported, else mirror; BACI reconciled).';
COMMENT ON COLUMN marts.cluster_exports.export_qty_kg IS 'Q: known quantity of those exports, kg; flows without quantity add nothing; NULL when none is known.';
COMMENT ON COLUMN marts.cluster_exports.growth_yoy IS 'X_t / X_(t-1) - 1; NULL when the previous year is not in the data or its value is 0 (never infinite: see new_market). basis_changed_yoy says when the two years come from different trade data.';
COMMENT ON COLUMN marts.cluster_exports.new_market IS 'True when the cluster exported nothing in the previous year of the data and something this year (growth from zero).';
COMMENT ON COLUMN marts.cluster_exports.cagr_5y IS '(X_t / X_(t-5))^(1/5) - 1; NULL when year t-5 is not in the data or its value is 0. basis_changed_5y says when the two years come from different trade data.';
COMMENT ON COLUMN marts.cluster_exports.world_export_value_usd IS 'Every exporter''s exports of the cluster''s products in the year''s trade basis, USD: the world of the data loaded (see basis_reporters).';
COMMENT ON COLUMN marts.cluster_exports.world_export_qty_kg IS 'Known quantity of every exporter''s exports of the cluster''s products, kg; NULL when none is known.';
COMMENT ON COLUMN marts.cluster_exports.world_share_value IS 'World market share by value: export_value_usd / world_export_value_usd.';
COMMENT ON COLUMN marts.cluster_exports.world_share_qty IS 'World market share by volume: export_qty_kg / world known quantity of the products; NULL without quantities.';
COMMENT ON COLUMN marts.cluster_exports.rca IS 'Balassa RCA of the country in the cluster''s products: (X / country''s exports of all products) / (world exports of the products / world exports of all products), with the world totals of marts.country_product_rca (intermediate.int_trade_world: every vintage of the year''s basis); relative to the data loaded (see basis_reporters).';
COMMENT ON COLUMN marts.cluster_exports.n_destinations IS 'Destinations with exports > 0.';
COMMENT ON COLUMN marts.cluster_exports.top_destination IS 'Largest destination by value (ISO3 or <KIND>:<code>; ties to the alphabetically first).';
COMMENT ON COLUMN marts.cluster_exports.top_destination_share IS 'Share of the top destination in export_value_usd, in [0, 1].';
COMMENT ON COLUMN marts.cluster_exports.destination_hhi IS 'Herfindahl-Hirschman index of destinations: sum of squared value shares, in (0, 1].';
COMMENT ON COLUMN marts.cluster_exports.destination_hhi_norm IS 'UNCTAD normalised HHI: (sqrt(HHI) - sqrt(1/N)) / (1 - sqrt(1/N)), N = n_destinations; 0 by convention when N = 1; NULL without exports.';
COMMENT ON COLUMN marts.cluster_exports.unit_value_usd_kg IS 'Export unit value, USD/kg: value of the flows with a known, non-zero quantity / that quantity (missing or estimated-zero quantities excluded, never counted as 0).';
COMMENT ON COLUMN marts.cluster_exports.relative_unit_value IS 'Relative unit value, product by product: sum_p w_p UV_cp / UV_op, UV_cp the cluster country''s unit value of product p, UV_op all other exporters'' unit value of p (flows with known quantity), w_p p''s share in the cluster''s export value over the products where both exist; NULL when no product has both. A change of product mix does not read as a change of price (docs/indicators.md).';
COMMENT ON COLUMN marts.cluster_exports.export_share_of_production IS 'export_qty_primary_t / FAO production (t) of the cluster''s FAO items in its country (intermediate.int_fao_production, one source per item and year): dairy exports in milk equivalent; NULL without FAO data or items.';
COMMENT ON COLUMN marts.cluster_exports.trade_balance_usd IS 'export_value_usd - the country''s imports of the same products (valued FOB, intermediate.int_cluster_import_flows), USD; NULL when the year''s trade data hold no import of the country at all (its imports were not loaded: unknown, not 0).';
COMMENT ON COLUMN marts.cluster_exports.value_basis IS 'Where the export values come from: reconciled (BACI), reported (exporter), mirror (importer''s declaration converted to FOB) or mixed; NULL without exports.';
COMMENT ON COLUMN marts.cluster_exports.trade_basis IS 'The trade data of the year: connector and HS vintage(s), e.g. baci HS92 or comtrade HS12, comtrade HS17 (intermediate.int_trade_basis).';
COMMENT ON COLUMN marts.cluster_exports.basis_changed_yoy IS 'True when growth_yoy compares years of different trade data (trade_basis differs from the previous year''s: a BACI -> Comtrade switch, or another HS vintage); NULL when the previous year is not in the data.';
COMMENT ON COLUMN marts.cluster_exports.basis_changed_5y IS 'True when cagr_5y compares years of different trade data (trade_basis of t and t-5 differ); NULL when year t-5 is not in the data.';
COMMENT ON COLUMN marts.cluster_exports.basis_reporters IS 'Countries reporting in the year''s trade basis (BACI exporters, Comtrade declaring countries): world shares and RCA are relative to these data, world figures only when they cover the world.';
COMMENT ON COLUMN marts.cluster_exports.basis_partners IS 'Partners named in the year''s trade basis (World excluded).';
COMMENT ON COLUMN marts.cluster_exports.export_qty_primary_t IS 'Export quantity in the cluster''s FAO item, tonnes: each product''s known quantity times its factor (ref.primary_equivalents: milk equivalent of dairy products; 1 for products traded as produced); products without a factor (whey) add nothing; NULL for clusters without FAO items.';
COMMENT ON COLUMN marts.cluster_exports.trusted_unit_value_usd_kg IS 'Export unit value from trusted unit values only, USD/kg: unit_value_base_usd / the quantity of the same exports; the country''s product-years whose unit value is outside a robust band (marts.unit_value_checks) are left out too. NULL when nothing is left. unit_value_usd_kg keeps them (a premium is not an error: compare the two).';
COMMENT ON COLUMN marts.cluster_exports.unit_value_base_usd IS 'Value of the exports trusted_unit_value_usd_kg is computed from (USD): flows with a net weight > 0 in the product-years whose unit value no band of marts.unit_value_checks flags.';
COMMENT ON COLUMN marts.cluster_exports.unit_value_excluded_usd IS 'export_value_usd - unit_value_base_usd (USD): the value left out of the trusted unit value, for any reason (no quantity, quantity 0, a unit other than kg, a unit value outside a band).';
COMMENT ON COLUMN marts.cluster_exports.unit_value_excluded_share IS 'unit_value_excluded_usd / export_value_usd, in [0, 1]; NULL without exports.';
COMMENT ON COLUMN marts.cluster_exports.unit_value_excluded_reason IS 'The reason that takes out the most of unit_value_excluded_usd, summed over the cluster''s products (marts.unit_value_checks.main_reason codes: outside_product_band, outside_own_history, no_quantity, quantity_unit_not_kg, zero_quantity; ties to the first); NULL when nothing is excluded.';
COMMENT ON COLUMN marts.cluster_exports.unit_value_primary_usd_t IS 'Export value per tonne of the FAO item (USD/t): value of the flows counted in export_qty_primary_t / export_qty_primary_t; compared with the producer price in marts.cluster_prices.farm_gate_share.';
