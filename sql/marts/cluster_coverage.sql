-- How much of each cluster the data cover: which of its HS codes matched products in the trade data of its
-- vintage, how many flows and how much value were found, and which country codes of the source no
-- reference row knows (those rows still count in world totals under <KIND>:<code>), and how much of the cluster's
-- trade was quarantined (rows of its country and products that could not be read, and what they were worth).
-- Products of another HS vintage that hold the cluster's goods mixed with others (intermediate.int_cluster_products.mixed_with:
-- a one-to-many or many-to-many link of the correlation tables) are counted in the marts and listed here with their value.
WITH trade_sources AS (   -- the sources of the trade basis (what the marts use)
    SELECT string_agg(DISTINCT f.source_id, ', ' ORDER BY f.source_id) AS source_ids,
           count(DISTINCT f.year) AS years_in_data
    FROM intermediate.int_trade_partitions AS f
    JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
),
prefixes AS (
    SELECT h.cluster_id, h.hs_code, count(DISTINCT p.hs_vintage || ':' || p.product_code) AS hs6_codes
    FROM ref.cluster_hs_codes AS h
    LEFT JOIN intermediate.int_cluster_products AS p
           ON p.cluster_id = h.cluster_id AND p.cluster_code = h.hs_code
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
mixed AS (
    SELECT p.cluster_id,
           string_agg(p.hs_vintage || ' ' || p.product_code, ', ' ORDER BY p.hs_vintage, p.product_code) AS mixed_hs_codes,
           (SELECT sum(f.value_usd) FROM intermediate.int_cluster_export_flows AS f
            WHERE f.cluster_id = p.cluster_id
              AND EXISTS (SELECT 1 FROM intermediate.int_cluster_products AS q
                          WHERE q.cluster_id = f.cluster_id AND q.hs_vintage = f.hs_vintage AND q.product_code = f.product_code
                            AND q.mixed_with IS NOT NULL)) AS mixed_value_usd
    FROM intermediate.int_cluster_products AS p
    WHERE p.mixed_with IS NOT NULL
    GROUP BY p.cluster_id
),
flows AS (
    SELECT cluster_id, count(*) AS export_flows, sum(value_usd) AS export_value_usd, count(DISTINCT year) AS years_with_exports
    FROM intermediate.int_cluster_export_flows
    GROUP BY cluster_id
),
source_codes AS (
    SELECT DISTINCT source_kind, code FROM intermediate.int_trade_country_codes
),
unknown_codes AS (        -- country codes of the sources that no row of ref.countries knows
    SELECT string_agg(DISTINCT s.source_kind || ':' || s.code, ', ' ORDER BY s.source_kind || ':' || s.code) AS codes
    FROM source_codes AS s
    WHERE NOT EXISTS (SELECT 1 FROM ref.countries AS r
                      WHERE (s.source_kind = 'baci' AND r.baci_code = TRY_CAST(s.code AS INTEGER))
                         OR (s.source_kind = 'comtrade' AND r.comtrade_code = TRY_CAST(s.code AS INTEGER)))
),
fao_coverage AS (         -- the cluster's FAO items, and those with production rows for its country
    SELECT i.cluster_id, count(DISTINCT i.item_code) AS fao_items,
           count(DISTINCT p.item_code_fao) AS fao_items_with_production,
           count(DISTINCT p.year) AS fao_production_years
    FROM ref.cluster_fao_items AS i
    JOIN ref.clusters AS c ON c.cluster_id = i.cluster_id
    LEFT JOIN staging.stg_fao_production AS p ON p.item_code_fao = i.item_code AND p.area_iso3 = c.country_iso3
                                             AND p.production_t IS NOT NULL
    GROUP BY i.cluster_id
),
fao_unknown AS (          -- FAO item codes in the production data that ref.fao_items does not know
    SELECT string_agg(DISTINCT p.item_code_fao::VARCHAR, ', ' ORDER BY p.item_code_fao::VARCHAR) AS items
    FROM staging.stg_fao_production AS p
    WHERE p.item_code_fao IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref.fao_items AS r WHERE r.item_code = p.item_code_fao)
),
quarantined AS (         -- rows of the trade sources that could not be read, of the cluster's country and products
    SELECT c.cluster_id, count(*) AS rows, sum(q.value_usd::DECIMAL(18, 2)) AS value_usd,
           string_agg(DISTINCT q.source_id, ', ' ORDER BY q.source_id) AS sources
    FROM ref.clusters AS c
    JOIN staging.stg_quarantine AS q ON q.reporter_iso3 = c.country_iso3
    WHERE EXISTS (SELECT 1 FROM intermediate.int_cluster_products AS p
                  WHERE p.cluster_id = c.cluster_id AND p.product_code = q.product_code)
    GROUP BY c.cluster_id
),
scian_coverage AS (
    SELECT s.cluster_id, count(DISTINCT s.scian_code) AS scian_codes,
           (SELECT count(*) FROM intermediate.int_cluster_establishments AS e
            WHERE e.cluster_id = s.cluster_id
              AND e.snapshot_year = (SELECT max(snapshot_year) FROM intermediate.int_denue_establishments)) AS denue_establishments
    FROM ref.cluster_scian AS s
    GROUP BY s.cluster_id
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
    coalesce(f.export_value_usd, 0)::DOUBLE AS export_value_usd,
    mx.mixed_hs_codes,
    coalesce(mx.mixed_value_usd, 0)::DOUBLE AS mixed_value_usd,
    u.codes                             AS unknown_country_codes,
    coalesce(fi.fao_items, 0)           AS fao_items,
    coalesce(fi.fao_items_with_production, 0) AS fao_items_with_production,
    coalesce(fi.fao_production_years, 0) AS fao_production_years,
    fu.items                            AS fao_items_not_in_reference,
    coalesce(sc.scian_codes, 0)         AS scian_codes,
    coalesce(sc.denue_establishments, 0) AS denue_establishments,
    coalesce(qu.rows, 0)                AS quarantined_rows,
    coalesce(qu.value_usd, 0)::DOUBLE   AS quarantined_value_usd,
    coalesce(qu.value_usd, 0) / nullif(coalesce(qu.value_usd, 0) + coalesce(f.export_value_usd, 0), 0) AS quarantined_value_share,
    qu.sources                          AS quarantined_sources
FROM ref.clusters AS c
CROSS JOIN trade_sources AS t
LEFT JOIN prefix_summary AS ps ON ps.cluster_id = c.cluster_id
LEFT JOIN products AS p ON p.cluster_id = c.cluster_id
LEFT JOIN flows AS f ON f.cluster_id = c.cluster_id
LEFT JOIN mixed AS mx ON mx.cluster_id = c.cluster_id
CROSS JOIN unknown_codes AS u
LEFT JOIN fao_coverage AS fi ON fi.cluster_id = c.cluster_id
CROSS JOIN fao_unknown AS fu
LEFT JOIN scian_coverage AS sc ON sc.cluster_id = c.cluster_id
LEFT JOIN quarantined AS qu ON qu.cluster_id = c.cluster_id;

COMMENT ON TABLE marts.cluster_coverage IS 'What the data cover of each cluster, for the trade sources: matched HS codes, flows, value, and source country codes no reference row knows. Check it before trusting a cluster''s indicators.';
COMMENT ON COLUMN marts.cluster_coverage.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_coverage.hs_vintage IS 'HS vintage of the cluster''s codes; data of other vintages are matched through ref.hs_concordance.';
COMMENT ON COLUMN marts.cluster_coverage.source_ids IS 'Trade sources the marts use (intermediate.int_trade_basis); NULL when none (no trade indicators).';
COMMENT ON COLUMN marts.cluster_coverage.years_in_data IS 'Years of trade data the marts use.';
COMMENT ON COLUMN marts.cluster_coverage.hs_codes IS 'HS codes (prefixes) in the cluster definition.';
COMMENT ON COLUMN marts.cluster_coverage.hs_codes_matched IS 'Of those, how many select at least one HS6 product present in the data (in any vintage).';
COMMENT ON COLUMN marts.cluster_coverage.hs_codes_unmatched IS 'The HS codes that select nothing in the data (a wrong vintage or a typo), comma-separated; NULL when all match.';
COMMENT ON COLUMN marts.cluster_coverage.hs6_codes IS 'HS6 product codes (per vintage) the cluster covers in the data (intermediate.int_cluster_products).';
COMMENT ON COLUMN marts.cluster_coverage.export_flows IS 'Export flows of the cluster''s country in those products (rows of intermediate.int_cluster_export_flows).';
COMMENT ON COLUMN marts.cluster_coverage.years_with_exports IS 'Years with at least one such flow.';
COMMENT ON COLUMN marts.cluster_coverage.export_value_usd IS 'Value of those flows over all years, USD.';
COMMENT ON COLUMN marts.cluster_coverage.mixed_hs_codes IS 'Products of the data (vintage and code, comma-separated) that hold the cluster''s goods mixed with goods of codes outside it: the correlation tables link them to the cluster''s codes and to others (e.g. HS17 030299, the fish offal that HS2017 split out of every fresh fish code). They are counted in the marts, as the rule of one-to-many and many-to-many links says (docs/indicators.md); NULL when there are none.';
COMMENT ON COLUMN marts.cluster_coverage.mixed_value_usd IS 'Export value of the cluster''s country in those products over all years, USD (part of export_value_usd): how much of the indicators rests on mixed products.';
COMMENT ON COLUMN marts.cluster_coverage.fao_items IS 'FAO items in the cluster definition.';
COMMENT ON COLUMN marts.cluster_coverage.fao_items_with_production IS 'Of those, how many have FAO production figures for the cluster''s country (staging.stg_fao_production).';
COMMENT ON COLUMN marts.cluster_coverage.fao_production_years IS 'Years with FAO production figures of the cluster''s items in its country.';
COMMENT ON COLUMN marts.cluster_coverage.fao_items_not_in_reference IS 'FAO item codes in the production data that ref.fao_items does not know, comma-separated (the same for every cluster); NULL when all are known.';
COMMENT ON COLUMN marts.cluster_coverage.scian_codes IS 'SCIAN codes in the cluster definition.';
COMMENT ON COLUMN marts.cluster_coverage.denue_establishments IS 'DENUE establishments those codes select in the cluster''s regions in the newest DENUE snapshot (intermediate.int_cluster_establishments); 0 when DENUE has none (e.g. crop growing is outside DENUE''s scope).';
COMMENT ON COLUMN marts.cluster_coverage.unknown_country_codes IS 'Country codes of the trade sources (as <kind>:<code>) that ref.countries does not know, comma-separated; NULL when every code is known. The same for every cluster.';
COMMENT ON COLUMN marts.cluster_coverage.quarantined_rows IS 'Rows of the trade sources for the cluster''s country and products that could not be read (staging.stg_quarantine): the flows missing from its indicators.';
COMMENT ON COLUMN marts.cluster_coverage.quarantined_value_usd IS 'What those rows were worth, USD, where their value could be read or estimated; 0 when none is known.';
COMMENT ON COLUMN marts.cluster_coverage.quarantined_value_share IS 'quarantined_value_usd / (quarantined_value_usd + export_value_usd): the share of the cluster''s exports lost to unreadable rows; NULL without either.';
COMMENT ON COLUMN marts.cluster_coverage.quarantined_sources IS 'Sources those rows came from; NULL when none was quarantined.';
