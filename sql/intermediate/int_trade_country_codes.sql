-- The country codes the trade sources use, per year, connector and HS vintage, as reporter or partner: how many
-- countries a year's trade data hold, and (in the coverage mart) the codes no reference row knows.
-- config: partition_by=year
SELECT DISTINCT year, source_kind, hs_vintage, 'reporter' AS role, reporter_code AS code, reporter_iso3 AS iso3 FROM staging.stg_trade_flows
UNION
SELECT DISTINCT year, source_kind, hs_vintage, 'partner', partner_code, partner_iso3 FROM staging.stg_trade_flows;

COMMENT ON TABLE intermediate.int_trade_country_codes IS 'Country codes (as coded by each source) found in the trade data, per year, connector, HS vintage and role.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.source_kind IS 'Connector: baci or comtrade.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.hs_vintage IS 'HS vintage of the flows the code appears in.';
COMMENT ON COLUMN intermediate.int_trade_country_codes.role IS 'reporter (exporter in BACI) or partner (importer in BACI).';
COMMENT ON COLUMN intermediate.int_trade_country_codes.code IS 'Reporter or partner code as the source codes it (BACI and Comtrade numeric codes).';
COMMENT ON COLUMN intermediate.int_trade_country_codes.iso3 IS 'Its ISO3 (ref.countries), NULL for groupings without one (490 Other Asia, nes) and codes no reference row knows.';
