-- The same flow (connector, vintage, year, month, flow, reporter, partner, product) from two sources would be
-- counted twice: two BACI releases of one vintage, or two Comtrade extracts of the same reporter and year.
-- Only partitions (connector, vintage, year) that two sources share can hold such flows: the flows are read for
-- those alone, so the check costs nothing when no source overlaps another.
WITH shared AS (
    SELECT source_kind, hs_vintage, year
    FROM intermediate.int_trade_partitions
    GROUP BY ALL
    HAVING count(DISTINCT source_id) > 1
)
SELECT f.source_kind, f.hs_vintage, f.year, f.flow, f.reporter_key, f.partner_key, f.product_code,
       string_agg(DISTINCT f.source_id, ', ' ORDER BY f.source_id) AS sources
FROM staging.stg_trade_flows AS f
JOIN shared AS s USING (source_kind, hs_vintage, year)
WHERE f.year IN (SELECT year FROM shared)
GROUP BY f.source_kind, f.hs_vintage, f.year, f.month, f.flow, f.reporter_key, f.partner_key, f.product_code
HAVING count(DISTINCT f.source_id) > 1
LIMIT 10;
