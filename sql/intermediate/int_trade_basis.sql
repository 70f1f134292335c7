-- Which trade data the marts use for each year, so no flow is counted twice when several trade sources
-- cover the same year: BACI when any BACI release covers the year (reconciled, FOB), the oldest HS vintage
-- among them (the longest consistent series, as CEPII advises for time series); otherwise every Comtrade
-- vintage of that year (Comtrade publishes each reporter in the classification it reported in).
-- config: partition_by=year
WITH coverage AS (
    SELECT DISTINCT year, source_kind, hs_vintage,
           list_position(['HS92', 'HS96', 'HS02', 'HS07', 'HS12', 'HS17', 'HS22'], hs_vintage) AS vintage_rank
    FROM intermediate.int_trade_partitions
    WHERE NOT monthly
),
ranked AS (
    SELECT *, min(vintage_rank) FILTER (WHERE source_kind = 'baci') OVER (PARTITION BY year) AS first_baci_vintage
    FROM coverage
)
SELECT year, source_kind, hs_vintage
FROM ranked
WHERE (first_baci_vintage IS NULL AND source_kind <> 'baci')
   OR (source_kind = 'baci' AND vintage_rank = first_baci_vintage);

COMMENT ON TABLE intermediate.int_trade_basis IS 'The trade data (connector and HS vintage) the marts use for each year: the oldest-vintage BACI release covering the year, else all Comtrade vintages of that year. Annual data only.';
COMMENT ON COLUMN intermediate.int_trade_basis.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_basis.source_kind IS 'Connector whose flows are used (baci or comtrade).';
COMMENT ON COLUMN intermediate.int_trade_basis.hs_vintage IS 'HS vintage whose flows are used.';
