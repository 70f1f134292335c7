-- How much of each cluster the data cover: which of its HS codes matched products in the trade data of its
-- vintage, how many flows and how much value were found, and which country codes of the source no
-- reference row knows (those rows still count in world totals under <KIND>:<code>).
CREATE TABLE marts.cluster_coverage AS
WITH trade_sources AS (
    SELECT hs_vintage, string_agg(DISTINCT source_id, ', ' ORDER BY source_id) AS source_ids,
           count(DISTINCT year) AS years_in_data
    FROM staging.stg_trade_flows
    GROUP BY hs_vintage
),
prefixes AS (
    SELECT h.cluster_id, h.hs_code, count(DISTINCT p.product_code) AS hs6_codes
    FROM ref.cluster_hs_codes AS h
    LEFT JOIN intermediate.int_cluster_products AS p
           ON p.cluster_id = h.cluster_id AND starts_with(p.product_code, h.hs_code)
    GROUP BY ALL
),
prefix_summary AS (
    SELECT cluster_id,
           count(*)                                    AS hs_codes,
           count(*) FILTER (WHERE hs6_codes > 0)       AS hs_codes_matched,
           string_agg(hs_code, ', ' ORDER BY hs_code) FILTER (WHERE hs6_codes = 0) AS hs_codes_unmatched
    FROM prefixes
    GROUP BY cluster_id
),
products AS (
    SELECT cluster_id, count(*) AS hs6_codes FROM intermediate.int_cluster_products GROUP BY cluster_id
),
flows AS (
    SELECT cluster_id, count(*) AS export_flows, sum(value_usd) AS export_value_usd, count(DISTINCT year) AS years_with_exports
    FROM intermediate.int_cluster_export_flows
    GROUP BY cluster_id
),
source_codes AS (
    SELECT hs_vintage, source_kind, reporter_code AS code FROM staging.stg_trade_flows
    UNION
    SELECT hs_vintage, source_kind, partner_code FROM staging.stg_trade_flows
),
unknown_codes AS (
    SELECT hs_vintage, string_agg(DISTINCT code, ', ' ORDER BY code) AS codes
    FROM source_codes AS s
    WHERE s.source_kind = 'baci'
      AND NOT EXISTS (SELECT 1 FROM ref.countries AS r WHERE r.baci_code = TRY_CAST(s.code AS INTEGER))
    GROUP BY hs_vintage
)
SELECT
    c.cluster_id,
    c.hs_vintage,
    t.source_ids,
    coalesce(t.years_in_data, 0)        AS years_in_data,
    ps.hs_codes,
    coalesce(ps.hs_codes_matched, 0)    AS hs_codes_matched,
    ps.hs_codes_unmatched,
    coalesce(p.hs6_codes, 0)            AS hs6_codes,
    coalesce(f.export_flows, 0)         AS export_flows,
    coalesce(f.years_with_exports, 0)   AS years_with_exports,
    coalesce(f.export_value_usd, 0)     AS export_value_usd,
    u.codes                             AS unknown_country_codes
FROM ref.clusters AS c
LEFT JOIN trade_sources AS t ON t.hs_vintage = c.hs_vintage
LEFT JOIN prefix_summary AS ps ON ps.cluster_id = c.cluster_id
LEFT JOIN products AS p ON p.cluster_id = c.cluster_id
LEFT JOIN flows AS f ON f.cluster_id = c.cluster_id
LEFT JOIN unknown_codes AS u ON u.hs_vintage = c.hs_vintage;

COMMENT ON TABLE marts.cluster_coverage IS 'What the data cover of each cluster, for the trade sources: matched HS codes, flows, value, and source country codes no reference row knows. Check it before trusting a cluster''s indicators.';
COMMENT ON COLUMN marts.cluster_coverage.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_coverage.hs_vintage IS 'HS vintage of the cluster''s codes; only trade data of that vintage are used.';
COMMENT ON COLUMN marts.cluster_coverage.source_ids IS 'Trade sources with data in that vintage; NULL when none (the cluster has no trade indicators).';
COMMENT ON COLUMN marts.cluster_coverage.years_in_data IS 'Years of trade data in that vintage.';
COMMENT ON COLUMN marts.cluster_coverage.hs_codes IS 'HS codes (prefixes) in the cluster definition.';
COMMENT ON COLUMN marts.cluster_coverage.hs_codes_matched IS 'Of those, how many select at least one HS6 product present in the data.';
COMMENT ON COLUMN marts.cluster_coverage.hs_codes_unmatched IS 'The HS codes that select nothing in the data (a wrong vintage or a typo), comma-separated; NULL when all match.';
COMMENT ON COLUMN marts.cluster_coverage.hs6_codes IS 'HS6 product codes the cluster covers in the data (intermediate.int_cluster_products).';
COMMENT ON COLUMN marts.cluster_coverage.export_flows IS 'Export flows of the cluster''s country in those products (rows of intermediate.int_cluster_export_flows).';
COMMENT ON COLUMN marts.cluster_coverage.years_with_exports IS 'Years with at least one such flow.';
COMMENT ON COLUMN marts.cluster_coverage.export_value_usd IS 'Value of those flows over all years, USD.';
COMMENT ON COLUMN marts.cluster_coverage.unknown_country_codes IS 'BACI country codes in the data of that vintage that ref.countries does not know, comma-separated; NULL when every code is known.';
