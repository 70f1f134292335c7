-- Prices along the chain per cluster and year: FAO producer (farm-gate) prices of the cluster's items in its
-- country, deflated to USD of the base year (ref.settings.price_base_year) with the US CPI-U (ref.deflators,
-- "US CPI for USD series" as docs/indicators.md says), their trend and volatility, and the comparison with the
-- cluster's export unit value and its peers'. A cluster with several FAO items gets their average price.
-- A year reads the ten before it (10-year average change, 5-year volatility of yearly changes).
-- config: partition_by=year, lookback_years=10
WITH producer AS (
    SELECT i.cluster_id, p.year, avg(p.price_usd_t::DECIMAL(38, 6)) AS producer_price_usd_t,
           avg(p.price_lcu_t::DECIMAL(38, 6)) AS producer_price_lcu_t
    FROM ref.cluster_fao_items AS i
    JOIN ref.clusters AS c ON c.cluster_id = i.cluster_id
    JOIN staging.stg_fao_producer_prices AS p ON p.item_code_fao = i.item_code AND p.area_iso3 = c.country_iso3
    GROUP BY ALL
),
exports AS (
    SELECT cluster_id, year, unit_value_usd_kg * 1000 AS export_unit_value_usd_t
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
base AS (
    SELECT value AS base_value FROM deflator WHERE year = getvariable('price_base_year')
),
years AS (
    SELECT cluster_id, year FROM producer UNION SELECT cluster_id, year FROM exports
),
priced AS (
    SELECT
        y.cluster_id, y.year,
        pr.producer_price_usd_t, pr.producer_price_lcu_t,
        'US_CPI_U'                                          AS deflator_series,
        getvariable('price_base_year')::INTEGER             AS base_year,
        pr.producer_price_usd_t * b.base_value / d.value    AS real_producer_price,
        ex.export_unit_value_usd_t,
        pe.peer_unit_value_usd_t
    FROM years AS y
    LEFT JOIN producer AS pr ON pr.cluster_id = y.cluster_id AND pr.year = y.year
    LEFT JOIN exports AS ex ON ex.cluster_id = y.cluster_id AND ex.year = y.year
    LEFT JOIN peers AS pe ON pe.cluster_id = y.cluster_id AND pe.year = y.year
    LEFT JOIN deflator AS d ON d.year = y.year
    LEFT JOIN base AS b ON true
),
changes AS (
    SELECT p.*,
           p.real_producer_price / prev.real_producer_price - 1   AS growth_yoy,
           ln(p.real_producer_price / prev.real_producer_price)   AS log_change,
           power(p.real_producer_price / ten.real_producer_price, 1.0 / 10) - 1 AS avg_real_change_10y
    FROM priced AS p
    LEFT JOIN priced AS prev ON prev.cluster_id = p.cluster_id AND prev.year = p.year - 1 AND prev.real_producer_price > 0
    LEFT JOIN priced AS ten ON ten.cluster_id = p.cluster_id AND ten.year = p.year - 10 AND ten.real_producer_price > 0
)
SELECT
    cluster_id, year, producer_price_usd_t, producer_price_lcu_t, deflator_series, base_year, real_producer_price,
    growth_yoy, avg_real_change_10y,
    CASE WHEN count(log_change) OVER five = 5 THEN stddev_samp(log_change) OVER five END AS volatility_5y,
    export_unit_value_usd_t,
    producer_price_usd_t / nullif(export_unit_value_usd_t, 0)                          AS farm_gate_share,
    peer_unit_value_usd_t,
    (export_unit_value_usd_t - peer_unit_value_usd_t) / nullif(peer_unit_value_usd_t, 0) AS premium_vs_peers
FROM changes
WINDOW five AS (PARTITION BY cluster_id ORDER BY year RANGE BETWEEN 4 PRECEDING AND CURRENT ROW);

COMMENT ON TABLE marts.cluster_prices IS 'Producer (farm-gate) prices of each cluster''s FAO items in its country, real prices, trend and volatility, and the export unit value of the cluster and of its peers, per year.';
COMMENT ON COLUMN marts.cluster_prices.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_prices.year IS 'Calendar year (years with a producer price or trade data).';
COMMENT ON COLUMN marts.cluster_prices.producer_price_usd_t IS 'FAOSTAT PP producer price, USD per tonne (annual value; mean over the cluster''s FAO items); NULL without FAO data.';
COMMENT ON COLUMN marts.cluster_prices.producer_price_lcu_t IS 'FAOSTAT PP producer price, local currency units per tonne.';
COMMENT ON COLUMN marts.cluster_prices.deflator_series IS 'Deflator of real_producer_price: US_CPI_U (ref.deflators: BLS CPI-U, US city average, annual).';
COMMENT ON COLUMN marts.cluster_prices.base_year IS 'Base year of real_producer_price (ref.settings.price_base_year).';
COMMENT ON COLUMN marts.cluster_prices.real_producer_price IS 'producer_price_usd_t x D(base_year) / D(year): USD per tonne at base-year prices; NULL when the deflator lacks either year.';
COMMENT ON COLUMN marts.cluster_prices.growth_yoy IS 'Real price change on the previous year: P_real(t) / P_real(t-1) - 1.';
COMMENT ON COLUMN marts.cluster_prices.avg_real_change_10y IS 'Average yearly real change over ten years, compound: (P_real(t) / P_real(t-10))^(1/10) - 1.';
COMMENT ON COLUMN marts.cluster_prices.volatility_5y IS 'Standard deviation (sample) of the five yearly log changes ln(P_real(k) / P_real(k-1)), k = t-4 ... t; NULL unless all five exist.';
COMMENT ON COLUMN marts.cluster_prices.export_unit_value_usd_t IS 'The cluster''s export unit value, USD per tonne (marts.cluster_exports.unit_value_usd_kg x 1000).';
COMMENT ON COLUMN marts.cluster_prices.farm_gate_share IS 'producer_price_usd_t / export_unit_value_usd_t: the farm-gate share of the export price (product weights as they are: HS product vs FAO item).';
COMMENT ON COLUMN marts.cluster_prices.peer_unit_value_usd_t IS 'Export unit value of the cluster''s peers (ref.cluster_peers) in the same products, USD per tonne; NULL without peers or their quantities.';
COMMENT ON COLUMN marts.cluster_prices.premium_vs_peers IS '(export_unit_value_usd_t - peer_unit_value_usd_t) / peer_unit_value_usd_t.';
