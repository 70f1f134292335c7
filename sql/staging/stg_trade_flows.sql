-- Bilateral trade flows of every trade source (BACI, Comtrade), read in place from lake/normalized/trade_flows (the
-- lake is the store of record: the warehouse holds no copy of the flows, only what the marts aggregate from them):
-- one shape whatever the source, products kept in the HS vintage they were published in.
-- config: materialized=view, partition_by=year
SELECT
    source                                                AS source_id,
    source_kind,
    classification,
    hs_vintage,
    year,
    month,
    flow,
    reporter_code,
    reporter_iso3,
    coalesce(reporter_iso3, upper(source_kind) || ':' || reporter_code) AS reporter_key,
    partner_code,
    partner_iso3,
    coalesce(partner_iso3, upper(source_kind) || ':' || partner_code)   AS partner_key,
    product_code,
    product_level,
    value_usd,
    valuation,
    quantity_kg,
    quantity_original,
    quantity_unit,
    flags,
    extract_id
FROM lake.trade_flows;

COMMENT ON VIEW staging.stg_trade_flows IS 'Trade flows by product from every trade source (CEPII BACI, UN Comtrade), one row per source, year, month, flow, reporter, partner and product, as published (no mirroring: see intermediate.int_trade_mirror_flows). A view over the lake''s Parquet: set VARIABLE clusteretl_data_dir when the data folder has moved.';
COMMENT ON COLUMN staging.stg_trade_flows.source_id IS 'Source id the row was normalized from (pipelines/sources/<id>.json).';
COMMENT ON COLUMN staging.stg_trade_flows.source_kind IS 'Connector: baci (reconciled exports, FOB) or comtrade (as reported by the reporter).';
COMMENT ON COLUMN staging.stg_trade_flows.classification IS 'Product classification: HS.';
COMMENT ON COLUMN staging.stg_trade_flows.hs_vintage IS 'HS vintage of product_code (HS92 ... HS22; Comtrade H0 ... H6).';
COMMENT ON COLUMN staging.stg_trade_flows.year IS 'Calendar year of the flow.';
COMMENT ON COLUMN staging.stg_trade_flows.month IS 'Month 1-12 for monthly data; NULL for annual data.';
COMMENT ON COLUMN staging.stg_trade_flows.flow IS 'From the reporter''s side: X export, M import, RX re-export, RM re-import. BACI rows are X (exporter reports).';
COMMENT ON COLUMN staging.stg_trade_flows.reporter_code IS 'Reporter as coded by the source (BACI exporter code, Comtrade reporter code; not always ISO numeric: 842 = USA).';
COMMENT ON COLUMN staging.stg_trade_flows.reporter_iso3 IS 'Reporter ISO3 (ref.countries); NULL for groupings without one (490 Other Asia, nes).';
COMMENT ON COLUMN staging.stg_trade_flows.reporter_key IS 'Reporter for aggregation: reporter_iso3, or <KIND>:<code> when there is no ISO3, so such flows still count in world totals.';
COMMENT ON COLUMN staging.stg_trade_flows.partner_code IS 'Partner as coded by the source (Comtrade 0 = World).';
COMMENT ON COLUMN staging.stg_trade_flows.partner_iso3 IS 'Partner ISO3; WLD for World; NULL for groupings without one.';
COMMENT ON COLUMN staging.stg_trade_flows.partner_key IS 'Partner for aggregation: partner_iso3, or <KIND>:<code>.';
COMMENT ON COLUMN staging.stg_trade_flows.product_code IS 'Product code as text at full width (leading zeros kept), or TOTAL for all products (never summed with products).';
COMMENT ON COLUMN staging.stg_trade_flows.product_level IS 'Digits of product_code: 2, 4 or 6; 0 for TOTAL.';
COMMENT ON COLUMN staging.stg_trade_flows.value_usd IS 'Trade value in current USD (BACI v x 1000; Comtrade primaryValue / Trade Value).';
COMMENT ON COLUMN staging.stg_trade_flows.valuation IS 'Valuation basis of value_usd: FOB (exports, re-exports, all of BACI) or CIF (imports and re-imports as reported).';
COMMENT ON COLUMN staging.stg_trade_flows.quantity_kg IS 'Net weight in kg; NULL when missing or an estimated zero (BACI NA; Comtrade netWgt 0 flagged estimated).';
COMMENT ON COLUMN staging.stg_trade_flows.quantity_original IS 'Quantity as published, in quantity_unit (BACI tonnes; Comtrade qty); NULL when none.';
COMMENT ON COLUMN staging.stg_trade_flows.quantity_unit IS 'Unit of quantity_original as published (t, kg, u, l, ...); NULL when none.';
COMMENT ON COLUMN staging.stg_trade_flows.flags IS 'Estimation flags as published, ";"-separated (e.g. netwgt_estimated, qty_estimated, legacy_flag=4); NULL when none.';
COMMENT ON COLUMN staging.stg_trade_flows.extract_id IS 'First 16 hex digits of the SHA-256 of the raw file(s) the row came from (meta.extracts).';
