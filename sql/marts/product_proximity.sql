-- The product space's nearest neighbours: for each HS6 product of a year and vintage, the 20 other products with the
-- highest proximity phi_pp' = C_pp' / max(k_p, k_p') (the minimum of the two conditional probabilities that a country
-- has an RCA in one product given that it has one in the other; Hidalgo et al. 2007), over the M_cp of
-- marts.country_product_complexity. Computed in C# (config computed=product_proximity: ProductProximityModel.cs); the
-- whole products x products matrix is not stored (25 million pairs a year at BACI scale).
-- config: computed=product_proximity, partition_by=year
SELECT year, hs_vintage, country_key, product_code, mcp
FROM marts.country_product_complexity
WHERE mcp;     -- the pairs with M = 1 are all proximity counts (C = M^T M, ubiquity): a quarter of the grid to read

COMMENT ON TABLE marts.product_proximity IS 'For each HS6 product of a year and vintage, its 20 nearest other products in the product space (highest proximity, ties by code; pairs of proximity 0 left out), from the M_cp of marts.country_product_complexity.';
COMMENT ON COLUMN marts.product_proximity.year IS 'Calendar year.';
COMMENT ON COLUMN marts.product_proximity.hs_vintage IS 'HS vintage of both product codes.';
COMMENT ON COLUMN marts.product_proximity.product_code IS 'HS6 product code.';
COMMENT ON COLUMN marts.product_proximity.neighbour_code IS 'HS6 code of a product near it.';
COMMENT ON COLUMN marts.product_proximity.proximity IS 'phi = C_pp'' / max(k_p, k_p''): the countries with M = 1 in both products over the larger ubiquity of the two; in (0, 1], symmetric.';
COMMENT ON COLUMN marts.product_proximity.neighbour_rank IS 'Rank of the neighbour by proximity (1 = nearest; ties by product code), 1 to 20.';
