-- Unit values that can be trusted: per exporter, HS6 product and year of the clusters' products (all their exporters,
-- intermediate.int_exporter_unit_values), the unit value, the value it cannot use (no quantity, a quantity of 0, a
-- quantity in a unit that is not kg) and whether it lies outside a robust band. Definitions, with references:
-- docs/indicators.md, "Unit values that can be trusted".
-- Two bands, on log unit values (unit values are skewed: a log band is symmetric in ratios, so 10x too high and 10x
-- too low are equally far out), each median +- k x 1.4826 x MAD (k = unit_value_band_k; 1.4826 x MAD estimates the
-- standard deviation of normal data), and never narrower than median / r to median x r (r = unit_value_band_min_ratio,
-- 2: exporters of nearly equal unit values give a MAD near 0, and a rounding difference must not be an outlier):
--   product band       over the product's exporters in the year (same HS vintage and code);
--   own history band   over the exporter's unit values of the product in the year and the unit_value_history_years
--                      years before it (same vintage): its past, so a later year never changes an earlier verdict.
-- A band gives a verdict only with at least unit_value_min_observations unit values; with fewer its verdict is NULL,
-- never a flag.
-- Scope: the clusters' products, not every product of the world: the marts need these, and a band over the product's
-- exporters needs all of them (see int_exporter_unit_values).
-- config: partition_by=year, lookback_years=unit_value_history_years
WITH exporters AS (
    SELECT *,
           value_with_kg_usd / quantity_kg                                                       AS unit_value_usd_kg,
           CASE WHEN value_with_kg_usd > 0 AND quantity_kg > 0 THEN ln(value_with_kg_usd / quantity_kg) END AS log_uv
    FROM intermediate.int_exporter_unit_values
),
product_bands AS (       -- per product and year, over its exporters
    SELECT year, hs_vintage, product_code,
           count(log_uv)   AS n,
           median(log_uv)  AS centre,
           mad(log_uv)     AS mad
    FROM exporters
    GROUP BY ALL
),
history_bands AS (       -- per exporter, product and year, over the exporter's years y - unit_value_history_years ... y
    SELECT e.year, e.hs_vintage, e.exporter_key, e.product_code,
           count(h.log_uv)   AS n,
           median(h.log_uv)  AS centre,
           mad(h.log_uv)     AS mad
    FROM exporters AS e
    JOIN exporters AS h
      ON h.hs_vintage = e.hs_vintage AND h.exporter_key = e.exporter_key AND h.product_code = e.product_code
     AND h.year BETWEEN e.year - getvariable('unit_value_history_years') AND e.year
    GROUP BY ALL
),
bands AS (
    SELECT e.*,
           pb.n                                                                         AS product_exporters,
           exp(pb.centre)                                                               AS product_median_usd_kg,
           CASE WHEN pb.n >= getvariable('unit_value_min_observations')
                THEN greatest(getvariable('unit_value_band_k') * 1.4826 * pb.mad,
                              ln(getvariable('unit_value_band_min_ratio'))) END                 AS product_half_width,
           pb.centre                                                                    AS product_centre,
           hb.n                                                                         AS history_years,
           exp(hb.centre)                                                               AS history_median_usd_kg,
           CASE WHEN hb.n >= getvariable('unit_value_min_observations')
                THEN greatest(getvariable('unit_value_band_k') * 1.4826 * hb.mad,
                              ln(getvariable('unit_value_band_min_ratio'))) END                 AS history_half_width,
           hb.centre                                                                    AS history_centre
    FROM exporters AS e
    JOIN product_bands AS pb USING (year, hs_vintage, product_code)
    JOIN history_bands AS hb USING (year, hs_vintage, exporter_key, product_code)
),
verdicts AS (
    SELECT *,
           abs(log_uv - product_centre) > product_half_width AS outside_product_band,
           abs(log_uv - history_centre) > history_half_width AS outside_own_history
    FROM bands
),
trusted AS (             -- a unit value outside either band is left out whole; its value counts under the product band first
    SELECT *,
           coalesce(outside_product_band, false) OR coalesce(outside_own_history, false) AS outlier,
           CASE WHEN coalesce(outside_product_band, false) THEN value_with_kg_usd ELSE 0 END::DECIMAL(18, 2)
                                                                                        AS value_outside_product_band_usd,
           CASE WHEN coalesce(outside_own_history, false) AND NOT coalesce(outside_product_band, false)
                THEN value_with_kg_usd ELSE 0 END::DECIMAL(18, 2)                       AS value_outside_own_history_usd
    FROM verdicts
),
reasons AS (             -- each reason with the value it takes out, in a fixed order (ties go to the first)
    SELECT *,
           [{'reason': 'outside_product_band', 'value': value_outside_product_band_usd, 'applies': coalesce(outside_product_band, false)},
            {'reason': 'outside_own_history',  'value': value_outside_own_history_usd,  'applies': coalesce(outside_own_history, false)},
            {'reason': 'no_quantity',          'value': value_no_quantity_usd,          'applies': value_no_quantity_usd > 0},
            {'reason': 'quantity_unit_not_kg', 'value': value_unit_not_kg_usd,          'applies': value_unit_not_kg_usd > 0},
            {'reason': 'zero_quantity',        'value': value_zero_quantity_usd,        'applies': value_zero_quantity_usd > 0}] AS by_reason
    FROM trusted
)
SELECT
    year,
    hs_vintage,
    exporter_key,
    product_code,
    value_usd,
    quantity_kg,
    value_with_kg_usd,
    unit_value_usd_kg::DOUBLE                                                          AS unit_value_usd_kg,
    value_no_quantity_usd,
    value_unit_not_kg_usd,
    other_quantity_units,
    value_zero_quantity_usd,
    product_exporters,
    product_median_usd_kg,
    exp(product_centre - product_half_width)                                           AS product_band_low_usd_kg,
    exp(product_centre + product_half_width)                                           AS product_band_high_usd_kg,
    outside_product_band,
    history_years,
    history_median_usd_kg,
    exp(history_centre - history_half_width)                                           AS history_band_low_usd_kg,
    exp(history_centre + history_half_width)                                           AS history_band_high_usd_kg,
    outside_own_history,
    value_outside_product_band_usd,
    value_outside_own_history_usd,
    CASE WHEN outlier THEN 0 ELSE value_with_kg_usd END::DECIMAL(18, 2)                AS trusted_value_usd,
    CASE WHEN NOT outlier THEN quantity_kg END::DECIMAL(18, 3)                         AS trusted_qty_kg,
    CASE WHEN outlier THEN value_usd ELSE value_usd - value_with_kg_usd END::DECIMAL(18, 2) AS excluded_value_usd,
    nullif(array_to_string(list_transform(list_filter(by_reason, r -> r.applies), r -> r.reason), ', '), '') AS reasons,
    CASE WHEN outlier OR value_usd > value_with_kg_usd
         THEN list_reduce(list_filter(by_reason, r -> r.value > 0), (a, b) -> CASE WHEN b.value > a.value THEN b ELSE a END).reason
    END                                                                                AS main_reason
FROM reasons;

COMMENT ON TABLE marts.unit_value_checks IS 'Unit values that can be trusted, per year, HS vintage, exporter and HS6 product of the clusters'' products (every exporter of them): the unit value, the value without a quantity in kg, the robust bands over the product''s exporters and over the exporter''s own history, and the value the trusted unit value leaves out, with the reasons (docs/indicators.md, "Unit values that can be trusted").';
COMMENT ON COLUMN marts.unit_value_checks.year IS 'Calendar year.';
COMMENT ON COLUMN marts.unit_value_checks.hs_vintage IS 'HS vintage of product_code (the bands compare unit values of one vintage).';
COMMENT ON COLUMN marts.unit_value_checks.exporter_key IS 'Exporter ISO3 (or <KIND>:<code> without one).';
COMMENT ON COLUMN marts.unit_value_checks.product_code IS 'HS6 product code, one of the clusters'' products in this vintage (intermediate.int_cluster_products).';
COMMENT ON COLUMN marts.unit_value_checks.value_usd IS 'Exports of the product by the exporter in the year''s trade basis (USD, FOB), every flow: value_with_kg_usd + value_no_quantity_usd + value_unit_not_kg_usd + value_zero_quantity_usd.';
COMMENT ON COLUMN marts.unit_value_checks.quantity_kg IS 'Known, non-zero net weight of those exports (kg); NULL when none is known.';
COMMENT ON COLUMN marts.unit_value_checks.value_with_kg_usd IS 'Value of the flows with a net weight > 0 (USD): the numerator of unit_value_usd_kg.';
COMMENT ON COLUMN marts.unit_value_checks.unit_value_usd_kg IS 'Unit value, USD/kg: value_with_kg_usd / quantity_kg; NULL without a known quantity.';
COMMENT ON COLUMN marts.unit_value_checks.value_no_quantity_usd IS 'Value of the flows with no quantity at all (BACI NA; Comtrade qtyUnitCode -1 or an estimated zero), USD: excluded from unit values (reason no_quantity).';
COMMENT ON COLUMN marts.unit_value_checks.value_unit_not_kg_usd IS 'Value of the flows with no net weight and a quantity in a unit that does not convert to kg (Comtrade''s other quantity units: u, l, m2, ...), USD: excluded (reason quantity_unit_not_kg).';
COMMENT ON COLUMN marts.unit_value_checks.other_quantity_units IS 'Those units, comma-separated; NULL when none.';
COMMENT ON COLUMN marts.unit_value_checks.value_zero_quantity_usd IS 'Value of the flows declared with a net weight of 0 kg, USD: excluded (reason zero_quantity), never a unit value of infinity.';
COMMENT ON COLUMN marts.unit_value_checks.product_exporters IS 'Exporters of the product in the year with a positive unit value (same vintage): the observations of the product band.';
COMMENT ON COLUMN marts.unit_value_checks.product_median_usd_kg IS 'Median unit value of those exporters, USD/kg (exp of the median log unit value: with an even count, the geometric mean of the two middle ones).';
COMMENT ON COLUMN marts.unit_value_checks.product_band_low_usd_kg IS 'Lower limit of the product band, USD/kg: exp(median - k x 1.4826 x MAD) of the exporters'' log unit values, k = unit_value_band_k, never above median / unit_value_band_min_ratio; NULL when the band gives no verdict (fewer than unit_value_min_observations exporters).';
COMMENT ON COLUMN marts.unit_value_checks.product_band_high_usd_kg IS 'Upper limit of the product band, USD/kg: exp(median + k x 1.4826 x MAD), never below median x unit_value_band_min_ratio; NULL when the band gives no verdict.';
COMMENT ON COLUMN marts.unit_value_checks.outside_product_band IS 'True when the unit value lies outside the product band (strictly below its low or above its high limit), false inside; NULL without a unit value or a verdict of the band.';
COMMENT ON COLUMN marts.unit_value_checks.history_years IS 'Years from year - unit_value_history_years to year in which the exporter has a positive unit value of the product (same vintage), this year included: the observations of the own history band.';
COMMENT ON COLUMN marts.unit_value_checks.history_median_usd_kg IS 'Median of the exporter''s unit values of the product over those years, USD/kg (exp of the median log unit value).';
COMMENT ON COLUMN marts.unit_value_checks.history_band_low_usd_kg IS 'Lower limit of the own history band, USD/kg: exp(median - k x 1.4826 x MAD) over the exporter''s years, never above median / unit_value_band_min_ratio; NULL when the band gives no verdict (fewer than unit_value_min_observations years).';
COMMENT ON COLUMN marts.unit_value_checks.history_band_high_usd_kg IS 'Upper limit of the own history band, USD/kg: exp(median + k x 1.4826 x MAD), never below median x unit_value_band_min_ratio; NULL when the band gives no verdict.';
COMMENT ON COLUMN marts.unit_value_checks.outside_own_history IS 'True when the unit value lies outside the exporter''s own history band, false inside; NULL without a unit value or a verdict of the band.';
COMMENT ON COLUMN marts.unit_value_checks.value_outside_product_band_usd IS 'value_with_kg_usd when the unit value is outside the product band, else 0 (USD): excluded (reason outside_product_band).';
COMMENT ON COLUMN marts.unit_value_checks.value_outside_own_history_usd IS 'value_with_kg_usd when the unit value is outside the own history band but not the product band, else 0 (USD): excluded (reason outside_own_history). Each excluded dollar counts under one reason: the five value_* columns of reasons add up to excluded_value_usd.';
COMMENT ON COLUMN marts.unit_value_checks.trusted_value_usd IS 'Value a trusted unit value uses (USD): value_with_kg_usd, or 0 when the unit value is outside either band.';
COMMENT ON COLUMN marts.unit_value_checks.trusted_qty_kg IS 'Quantity a trusted unit value uses (kg): quantity_kg, or NULL when the unit value is outside either band.';
COMMENT ON COLUMN marts.unit_value_checks.excluded_value_usd IS 'value_usd - trusted_value_usd (USD): the value left out of trusted unit values, for any of the reasons.';
COMMENT ON COLUMN marts.unit_value_checks.reasons IS 'Every reason that applies, comma-separated, in this order: outside_product_band, outside_own_history, no_quantity, quantity_unit_not_kg, zero_quantity; NULL when none.';
COMMENT ON COLUMN marts.unit_value_checks.main_reason IS 'The reason that takes out the most value (ties: the first in the order of reasons); an outlier''s value counts as outside_product_band when it breaks that band, else outside_own_history. NULL when nothing is excluded.';
