-- The "world" of each year: what the year's trade basis (intermediate.int_trade_basis) holds, over all its HS vintages.
-- Every share and RCA of the marts divides by these totals (marts.cluster_exports and marts.country_product_rca use the
-- same ones), and they are world figures only when the loaded data are world-wide: a Comtrade extract of a few
-- reporters gives a few reporters' world. basis_reporters and basis_partners say how much the basis holds.
-- config: partition_by=year
WITH basis AS (
    SELECT year,
           string_agg(source_kind || ' ' || hs_vintage, ', ' ORDER BY source_kind, hs_vintage) AS trade_basis,
           string_agg(DISTINCT hs_vintage, ', ' ORDER BY hs_vintage)                          AS trade_hs_vintages
    FROM intermediate.int_trade_basis
    GROUP BY year
),
totals AS (
    SELECT year, sum(export_value_usd) AS world_total_usd, count(DISTINCT exporter_key) FILTER (WHERE export_value_usd > 0) AS exporters
    FROM intermediate.int_country_product_exports
    GROUP BY year
),
countries AS (
    SELECT k.year,
           count(DISTINCT coalesce(k.iso3, upper(k.source_kind) || ':' || k.code)) FILTER (WHERE k.role = 'reporter') AS basis_reporters,
           count(DISTINCT coalesce(k.iso3, upper(k.source_kind) || ':' || k.code))
             FILTER (WHERE k.role = 'partner' AND k.iso3 IS DISTINCT FROM 'WLD')                                  AS basis_partners
    FROM intermediate.int_trade_country_codes AS k
    JOIN intermediate.int_trade_basis AS b USING (year, source_kind, hs_vintage)
    GROUP BY k.year
)
SELECT b.year, b.trade_basis, b.trade_hs_vintages, t.world_total_usd, coalesce(t.exporters, 0) AS world_exporters,
       coalesce(c.basis_reporters, 0) AS basis_reporters, coalesce(c.basis_partners, 0) AS basis_partners
FROM basis AS b
LEFT JOIN totals AS t USING (year)
LEFT JOIN countries AS c USING (year);

COMMENT ON TABLE intermediate.int_trade_world IS 'Per year, the trade basis the marts use and its totals over all its HS vintages: the one world of every share and RCA.';
COMMENT ON COLUMN intermediate.int_trade_world.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_world.trade_basis IS 'Connector and HS vintage(s) of the year''s trade basis, e.g. baci HS92 or comtrade HS12, comtrade HS17 (intermediate.int_trade_basis).';
COMMENT ON COLUMN intermediate.int_trade_world.trade_hs_vintages IS 'HS vintage(s) of the year''s trade basis, comma-separated.';
COMMENT ON COLUMN intermediate.int_trade_world.world_total_usd IS 'sum_cp x_cp: every exporter''s exports of every HS6 product in the basis, USD (exact); NULL when the basis holds no HS6 export.';
COMMENT ON COLUMN intermediate.int_trade_world.world_exporters IS 'Exporters with exports > 0 in the basis (reported, mirror or BACI).';
COMMENT ON COLUMN intermediate.int_trade_world.basis_reporters IS 'Countries (or groupings) reporting in the basis: BACI exporters, Comtrade declaring countries.';
COMMENT ON COLUMN intermediate.int_trade_world.basis_partners IS 'Partners named in the basis (World excluded): BACI importers, Comtrade counterparts.';
