-- What the trade data hold, per source, connector, HS vintage, year and frequency: a few rows per source and year
-- (the reporters and partners they name: intermediate.int_trade_country_codes),
-- so the trade basis, the coverage mart and the checks look at partitions instead of scanning every flow.
-- Values are summed as DECIMAL (cents): exact, so the result does not depend on the order the rows are read in.
-- config: partition_by=year
SELECT
    source_id,
    source_kind,
    hs_vintage,
    year,
    month IS NOT NULL                        AS monthly,
    count(*)                                 AS flows,
    sum(value_usd::DECIMAL(18, 2))           AS value_usd
FROM staging.stg_trade_flows
GROUP BY ALL;

COMMENT ON TABLE intermediate.int_trade_partitions IS 'Trade flows per source, connector, HS vintage, year and frequency: how many, and their value.';
COMMENT ON COLUMN intermediate.int_trade_partitions.source_id IS 'Source id (pipelines/sources/<id>.json).';
COMMENT ON COLUMN intermediate.int_trade_partitions.source_kind IS 'Connector: baci or comtrade.';
COMMENT ON COLUMN intermediate.int_trade_partitions.hs_vintage IS 'HS vintage of the products.';
COMMENT ON COLUMN intermediate.int_trade_partitions.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_partitions.monthly IS 'True for monthly data (month 1-12), false for annual.';
COMMENT ON COLUMN intermediate.int_trade_partitions.flows IS 'Rows (flows) in the partition.';
COMMENT ON COLUMN intermediate.int_trade_partitions.value_usd IS 'Sum of value_usd (USD; FOB and CIF flows together: a size, not a trade total).';
