-- Prices along the chain per cluster and year: FAO producer (farm-gate) prices of the cluster's items in its
-- country (intermediate.int_fao_producer_prices: one source per item and year), deflated to USD of the base year
-- (ref.settings.price_base_year) with the US CPI-U (ref.deflators, "US CPI for USD series", docs/indicators.md), their
-- trend and volatility, and the comparison with the cluster's export unit value and its peers'.
-- A cluster with several FAO items gets their average price; its changes (growth, 10-year average change, volatility,
-- coefficient of variation) compare only the items priced in both (all) years they span, so an item entering or
-- leaving the data does not read as a price change. A logarithm is taken only of a positive ratio.
-- Doubles are never summed in an unordered aggregate (the five-year levels are taken in year order): reruns give
-- identical numbers. A year reads the ten before it (10-year average change, 5-year volatility of yearly changes).
-- config: partition_by=year, lookback_years=10
WITH item_prices AS (   -- the cluster's items' prices in its country, and the deflator of the year
    SELECT i.cluster_id, p.year, p.item_code_fao, p.price_usd_t::DECIMAL(38, 6) AS usd, p.price_lcu_t::DECIMAL(38, 6) AS lcu,
           d.value AS deflator
    FROM ref.cluster_fao_items AS i
    JOIN ref.clusters AS c ON c.cluster_id = i.cluster_id
    JOIN intermediate.int_fao_producer_prices AS p ON p.item_code_fao = i.item_code AND p.area_iso3 = c.country_iso3
    LEFT JOIN ref.deflators AS d ON d.series = 'US_CPI_U' AND d.year = p.year
),
producer AS (
    SELECT cluster_id, year, avg(usd) AS producer_price_usd_t, avg(lcu) AS producer_price_lcu_t, count(usd) AS price_items
    FROM item_prices
    GROUP BY ALL
),
like_for_like AS (      -- real price ratio of year t to year t - k (k = 1, 10) over the items priced in both years
    SELECT a.cluster_id, a.year, a.year - b.year AS k,
           (sum(a.usd) / sum(b.usd)) * (min(b.deflator) / min(a.deflator)) AS real_ratio
    FROM item_prices AS a
    JOIN item_prices AS b
      ON b.cluster_id = a.cluster_id AND b.item_code_fao = a.item_code_fao AND b.year IN (a.year - 1, a.year - 10)
    WHERE a.usd IS NOT NULL AND b.usd IS NOT NULL AND a.deflator IS NOT NULL AND b.deflator IS NOT NULL
    GROUP BY a.cluster_id, a.year, b.year
    HAVING sum(b.usd) > 0
),
five_year_items AS (    -- items priced in all five years t-4 ... t (for the coefficient of variation)
    SELECT a.cluster_id, a.year, a.item_code_fao
    FROM item_prices AS a
    JOIN item_prices AS b
      ON b.cluster_id = a.cluster_id AND b.item_code_fao = a.item_code_fao AND b.year BETWEEN a.year - 4 AND a.year
    WHERE a.usd IS NOT NULL AND b.usd IS NOT NULL AND b.deflator IS NOT NULL
    GROUP BY ALL
    HAVING count(*) = 5
),
five_year_levels AS (   -- their real price in each of the five years
    SELECT f.cluster_id, f.year, b.year AS level_year, sum(b.usd) / min(b.deflator) AS level
    FROM five_year_items AS f
    JOIN item_prices AS b ON b.cluster_id = f.cluster_id AND b.item_code_fao = f.item_code_fao AND b.year BETWEEN f.year - 4 AND f.year
    GROUP BY ALL
),
price_cv AS (
    SELECT cluster_id, year,
           list_aggregate(list(level ORDER BY level_year), 'stddev_samp') / list_avg(list(level ORDER BY level_year)) AS price_cv_5y
    FROM five_year_levels
    GROUP BY ALL
),
exports AS (
    SELECT cluster_id, year, unit_value_usd_kg * 1000 AS export_unit_value_usd_t, unit_value_primary_usd_t
    FROM marts.cluster_exports
),
peers AS (              -- unit value of the cluster's peers (ref.cluster_peers) in the same products
    SELECT p.cluster_id, e.year, sum(e.export_value_with_qty_usd) / sum(e.export_qty_kg) * 1000 AS peer_unit_value_usd_t
    FROM ref.cluster_peers AS cp
    JOIN intermediate.int_cluster_products AS p ON p.cluster_id = cp.cluster_id
    JOIN intermediate.int_country_product_exports AS e
      ON e.hs_vintage = p.hs_vintage AND e.product_code = p.product_code AND e.exporter_key = cp.peer_iso3
    GROUP BY ALL
),
deflator AS (
    SELECT year, value FROM ref.deflators WHERE series = 'US_CPI_U'
),
grower AS (   -- annual prices of users' tables (staging.stg_price_series) for the cluster's country and FAO items or HS codes
    SELECT c.cluster_id, s.year, avg(s.price_usd_t::DECIMAL(38, 6)) AS grower_price_usd_t,
           string_agg(DISTINCT s.source_id || coalesce(' (' || s.series_group || ')', ''), ', '
                      ORDER BY s.source_id || coalesce(' (' || s.series_group || ')', '')) AS grower_price_series
    FROM ref.clusters AS c
    JOIN staging.stg_price_series AS s ON s.area_iso3 = c.country_iso3 AND s.month IS NULL AND s.price_usd_t IS NOT NULL
    WHERE EXISTS (SELECT 1 FROM ref.cluster_fao_items AS i WHERE i.cluster_id = c.cluster_id AND i.item_code = s.fao_item_code)
       OR EXISTS (SELECT 1 FROM ref.cluster_hs_codes AS h WHERE h.cluster_id = c.cluster_id AND starts_with(s.hs_code, h.hs_code))
    GROUP BY ALL
),
base AS (
    SELECT value AS base_value FROM deflator WHERE year = getvariable('price_base_year')
),
years AS (
    SELECT cluster_id, year FROM producer UNION SELECT cluster_id, year FROM exports UNION SELECT cluster_id, year FROM grower
),
priced AS (
    SELECT
        y.cluster_id, y.year,
        pr.producer_price_usd_t, pr.producer_price_lcu_t, pr.price_items,
        'US_CPI_U'                                          AS deflator_series,
        getvariable('price_base_year')::INTEGER             AS base_year,
        pr.producer_price_usd_t * b.base_value / d.value    AS real_producer_price,
        ex.export_unit_value_usd_t,
        ex.unit_value_primary_usd_t,
        pe.peer_unit_value_usd_t,
        one.real_ratio - 1                                  AS growth_yoy,
        CASE WHEN one.real_ratio > 0 THEN ln(one.real_ratio) END AS log_change,
        CASE WHEN ten.real_ratio >= 0 THEN power(ten.real_ratio, 1.0 / 10) - 1 END AS avg_real_change_10y,
        cv.price_cv_5y,
        gr.grower_price_usd_t,
        gr.grower_price_series
    FROM years AS y
    LEFT JOIN producer AS pr ON pr.cluster_id = y.cluster_id AND pr.year = y.year
    LEFT JOIN exports AS ex ON ex.cluster_id = y.cluster_id AND ex.year = y.year
    LEFT JOIN peers AS pe ON pe.cluster_id = y.cluster_id AND pe.year = y.year
    LEFT JOIN deflator AS d ON d.year = y.year
    LEFT JOIN base AS b ON true
    LEFT JOIN like_for_like AS one ON one.cluster_id = y.cluster_id AND one.year = y.year AND one.k = 1
    LEFT JOIN like_for_like AS ten ON ten.cluster_id = y.cluster_id AND ten.year = y.year AND ten.k = 10
    LEFT JOIN price_cv AS cv ON cv.cluster_id = y.cluster_id AND cv.year = y.year
    LEFT JOIN grower AS gr ON gr.cluster_id = y.cluster_id AND gr.year = y.year
)
SELECT
    cluster_id, year, producer_price_usd_t, producer_price_lcu_t, deflator_series, base_year, real_producer_price,
    growth_yoy, avg_real_change_10y,
    CASE WHEN count(log_change) OVER five = 5 THEN stddev_samp(log_change) OVER five END AS volatility_5y,
    export_unit_value_usd_t,
    producer_price_usd_t / nullif(unit_value_primary_usd_t, 0)                         AS farm_gate_share,
    peer_unit_value_usd_t,
    (export_unit_value_usd_t - peer_unit_value_usd_t) / nullif(peer_unit_value_usd_t, 0) AS premium_vs_peers,
    price_items,
    price_cv_5y,
    unit_value_primary_usd_t                                                            AS export_unit_value_primary_usd_t,
    grower_price_usd_t,
    grower_price_series,
    grower_price_usd_t / nullif(producer_price_usd_t, 0)                                AS grower_to_fao_price_ratio
FROM priced
WINDOW five AS (PARTITION BY cluster_id ORDER BY year RANGE BETWEEN 4 PRECEDING AND CURRENT ROW);

COMMENT ON TABLE marts.cluster_prices IS 'Producer (farm-gate) prices of each cluster''s FAO items in its country, real prices, trend and volatility, and the export unit value of the cluster and of its peers, per year.';
COMMENT ON COLUMN marts.cluster_prices.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_prices.year IS 'Calendar year (years with a producer price or trade data).';
COMMENT ON COLUMN marts.cluster_prices.producer_price_usd_t IS 'FAOSTAT PP producer price, USD per tonne (annual value; mean over the cluster''s FAO items priced that year, see price_items; one source per item and year); NULL without FAO data.';
COMMENT ON COLUMN marts.cluster_prices.producer_price_lcu_t IS 'FAOSTAT PP producer price, local currency units per tonne.';
COMMENT ON COLUMN marts.cluster_prices.deflator_series IS 'Deflator of real_producer_price: US_CPI_U (ref.deflators: BLS CPI-U, US city average, annual).';
COMMENT ON COLUMN marts.cluster_prices.base_year IS 'Base year of real_producer_price (ref.settings.price_base_year).';
COMMENT ON COLUMN marts.cluster_prices.real_producer_price IS 'producer_price_usd_t x D(base_year) / D(year): USD per tonne at base-year prices; NULL when the deflator lacks either year.';
COMMENT ON COLUMN marts.cluster_prices.growth_yoy IS 'Real price change on the previous year: P_real(t) / P_real(t-1) - 1, over the items priced in both years (an item entering or leaving is not a price change).';
COMMENT ON COLUMN marts.cluster_prices.avg_real_change_10y IS 'Average yearly real change over ten years, compound: (P_real(t) / P_real(t-10))^(1/10) - 1, over the items priced in both years; NULL without a positive price in t-10.';
COMMENT ON COLUMN marts.cluster_prices.volatility_5y IS 'Standard deviation (sample) of the five yearly log changes ln(P_real(k) / P_real(k-1)), k = t-4 ... t (each over the items priced in both years); NULL unless all five exist (a change to or from a price of 0 has no logarithm).';
COMMENT ON COLUMN marts.cluster_prices.export_unit_value_usd_t IS 'The cluster''s export unit value, USD per tonne (marts.cluster_exports.unit_value_usd_kg x 1000).';
COMMENT ON COLUMN marts.cluster_prices.farm_gate_share IS 'producer_price_usd_t / export_unit_value_primary_usd_t: the farm-gate share of the export price, both per tonne of the FAO item (dairy exports in milk equivalent, ref.primary_equivalents).';
COMMENT ON COLUMN marts.cluster_prices.peer_unit_value_usd_t IS 'Export unit value of the cluster''s peers (ref.cluster_peers) in the same products, USD per tonne; NULL without peers or their quantities.';
COMMENT ON COLUMN marts.cluster_prices.premium_vs_peers IS '(export_unit_value_usd_t - peer_unit_value_usd_t) / peer_unit_value_usd_t.';
COMMENT ON COLUMN marts.cluster_prices.price_items IS 'How many of the cluster''s FAO items have a USD producer price in the year (the mean is over these).';
COMMENT ON COLUMN marts.cluster_prices.price_cv_5y IS 'Coefficient of variation of the real producer price over t-4 ... t: sample standard deviation / mean of the five yearly real prices of the items priced in all five years; NULL unless some item is.';
COMMENT ON COLUMN marts.cluster_prices.export_unit_value_primary_usd_t IS 'The cluster''s export value per tonne of its FAO item (marts.cluster_exports.unit_value_primary_usd_t: dairy exports in milk equivalent; the same as export_unit_value_usd_t for products traded as produced).';
COMMENT ON COLUMN marts.cluster_prices.grower_price_usd_t IS 'Price paid to growers from users'' tables (staging.stg_price_series, source kind table, e.g. ICO), USD per tonne: annual prices of the cluster''s country whose FAO item or HS code is the cluster''s, averaged over the series (see grower_price_series); NULL without such a table.';
COMMENT ON COLUMN marts.cluster_prices.grower_price_series IS 'The table sources (and their groups, e.g. Colombian Milds) averaged in grower_price_usd_t.';
COMMENT ON COLUMN marts.cluster_prices.grower_to_fao_price_ratio IS 'grower_price_usd_t / producer_price_usd_t: the user''s grower price next to FAO''s producer price for the same year.';
