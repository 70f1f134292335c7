-- The same flow (connector, vintage, year, month, flow, reporter, partner, product) from two sources would be
-- counted twice: two BACI releases of one vintage, or two Comtrade extracts of the same reporter and year.
SELECT source_kind, hs_vintage, year, flow, reporter_key, partner_key, product_code,
       string_agg(DISTINCT source_id, ', ' ORDER BY source_id) AS sources
FROM staging.stg_trade_flows
GROUP BY source_kind, hs_vintage, year, month, flow, reporter_key, partner_key, product_code
HAVING count(DISTINCT source_id) > 1
LIMIT 10;
