-- Two sources of the same HS vintage covering the same year would count the same trade twice.
SELECT hs_vintage, year, string_agg(DISTINCT source_id, ', ') AS sources
FROM staging.stg_trade_flows
GROUP BY hs_vintage, year
HAVING count(DISTINCT source_id) > 1;
