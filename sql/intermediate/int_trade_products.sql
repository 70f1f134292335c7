-- The HS6 product codes present in the trade data, per year and HS vintage (any source, flow or partner).
-- config: partition_by=year
SELECT DISTINCT year, hs_vintage, product_code
FROM staging.stg_trade_flows
WHERE product_level = 6;

COMMENT ON TABLE intermediate.int_trade_products IS 'HS6 product codes found in the trade data, per year and HS vintage.';
COMMENT ON COLUMN intermediate.int_trade_products.year IS 'Calendar year.';
COMMENT ON COLUMN intermediate.int_trade_products.hs_vintage IS 'HS vintage of product_code.';
COMMENT ON COLUMN intermediate.int_trade_products.product_code IS 'HS6 product code.';
