-- The same flow from two sources would be counted twice: two BACI releases of one vintage covering one year (both are
-- the year's basis, so every flow would count twice), or two Comtrade extracts holding the same flow (the same
-- vintage, year, month, reporter, partner and product). Both are read from what the build already aggregated
-- (intermediate.int_trade_partitions, intermediate.int_trade_mirror_flows, which lists each side's sources), never
-- from the flows themselves: at a full release, a scan of every flow would cost more than the build.
SELECT 'baci' AS source_kind, hs_vintage, year, NULL::VARCHAR AS flow, NULL::VARCHAR AS exporter_key, NULL::VARCHAR AS importer_key,
       NULL::VARCHAR AS product_code, string_agg(DISTINCT source_id, ', ' ORDER BY source_id) AS sources
FROM intermediate.int_trade_partitions
WHERE source_kind = 'baci'
GROUP BY hs_vintage, year
HAVING count(DISTINCT source_id) > 1
UNION ALL
SELECT source_kind, hs_vintage, year, CASE WHEN export_source_ids LIKE '%, %' THEN 'X' ELSE 'M' END, exporter_key, importer_key,
       product_code, CASE WHEN export_source_ids LIKE '%, %' THEN export_source_ids ELSE import_source_ids END
FROM intermediate.int_trade_mirror_flows
WHERE export_source_ids LIKE '%, %' OR import_source_ids LIKE '%, %'
ORDER BY ALL
LIMIT 10;
