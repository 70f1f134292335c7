-- The country codes the trade sources use, per year and connector, as reporter or partner (for the coverage mart:
-- codes no reference row knows).
-- config: partition_by=year
SELECT DISTINCT year, source_kind, reporter_code AS code FROM staging.stg_trade_flows
UNION
SELECT DISTINCT year, source_kind, partner_code FROM staging.stg_trade_flows;

COMMENT ON TABLE intermediate.int_trade_country_codes IS 'Country codes (as coded by each source) found in the trade data, per year and connector.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.source_kind IS 'Connector: baci or comtrade.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.code IS 'Reporter or partner code as the source codes it (BACI and Comtrade numeric codes).';
