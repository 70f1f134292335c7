-- Bilateral trade flows of every trade source, as normalized in lake/normalized/trade_flows.
CREATE TABLE staging.stg_trade_flows AS
SELECT
    source                                                AS source_id,
    source_kind,
    classification,
    hs_vintage,
    year::INTEGER                                         AS year,
    flow,
    reporter_code,
    reporter_iso3,
    coalesce(reporter_iso3, upper(source_kind) || ':' || reporter_code) AS exporter_key,
    partner_code,
    partner_iso3,
    coalesce(partner_iso3, upper(source_kind) || ':' || partner_code)   AS importer_key,
    product_code,
    value_usd,
    valuation,
    quantity_kg,
    extract_id
FROM lake_trade_flows;

COMMENT ON TABLE staging.stg_trade_flows IS 'Bilateral trade flows by product from the trade sources (BACI so far), one row per year, exporter, importer and HS6 product.';
COMMENT ON COLUMN staging.stg_trade_flows.source_id IS 'Source id the row was normalized from (pipelines/sources/<id>.json).';
COMMENT ON COLUMN staging.stg_trade_flows.source_kind IS 'Connector: baci.';
COMMENT ON COLUMN staging.stg_trade_flows.classification IS 'Product classification: HS.';
COMMENT ON COLUMN staging.stg_trade_flows.hs_vintage IS 'HS vintage of product_code (HS92 ... HS22).';
COMMENT ON COLUMN staging.stg_trade_flows.year IS 'Calendar year of the flow.';
COMMENT ON COLUMN staging.stg_trade_flows.flow IS 'X = export from reporter to partner (BACI rows are reconciled exports).';
COMMENT ON COLUMN staging.stg_trade_flows.reporter_code IS 'Exporter as coded by the source (BACI numeric code, not always ISO numeric: 842 = USA).';
COMMENT ON COLUMN staging.stg_trade_flows.reporter_iso3 IS 'Exporter ISO3, from the source''s country-code file; NULL for groupings without one (BACI 490 Other Asia, nes).';
COMMENT ON COLUMN staging.stg_trade_flows.exporter_key IS 'Exporter for aggregation: reporter_iso3, or <KIND>:<code> when the source gives no ISO3, so such flows still count in world totals.';
COMMENT ON COLUMN staging.stg_trade_flows.partner_code IS 'Importer as coded by the source.';
COMMENT ON COLUMN staging.stg_trade_flows.partner_iso3 IS 'Importer ISO3; NULL for groupings without one.';
COMMENT ON COLUMN staging.stg_trade_flows.importer_key IS 'Importer for aggregation: partner_iso3, or <KIND>:<code>.';
COMMENT ON COLUMN staging.stg_trade_flows.product_code IS 'HS6 product code as 6-character text (leading zeros kept).';
COMMENT ON COLUMN staging.stg_trade_flows.value_usd IS 'Trade value in current USD (BACI v x 1000).';
COMMENT ON COLUMN staging.stg_trade_flows.valuation IS 'Valuation basis of value_usd: FOB.';
COMMENT ON COLUMN staging.stg_trade_flows.quantity_kg IS 'Quantity in kg (BACI q x 1000); NULL when the source has none (NA).';
COMMENT ON COLUMN staging.stg_trade_flows.extract_id IS 'First 16 hex digits of the SHA-256 of the raw file the row came from (meta.extracts).';
