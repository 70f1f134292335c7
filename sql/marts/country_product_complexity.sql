-- Economic complexity of every exporter and HS6 product, per year and HS vintage, with the definitions of the Harvard
-- Growth Lab's ecomplexity (Hausmann, Hidalgo et al.; docs/indicators.md, "Economic complexity"): presence
-- M_cp = rca >= complexity_rca_threshold (1 by default), diversity, ubiquity, ECI and PCI by the eigenvector method,
-- density and complexity outlook (COI, COG) through the proximity of products.
-- Computed in C# (config computed=economic_complexity: src/Etl.Transforms/Warehouse/EconomicComplexity.cs): the query
-- below is its input, one row per exporter and product with exports; each year and vintage is one matrix of the
-- countries and products with exports in it (the others are dropped first, as ecomplexity does), and every
-- country x product pair of that matrix is written (pairs without exports too: density and COG are about them).
-- config: computed=economic_complexity, partition_by=year
SELECT
    year,
    hs_vintage,
    country_key,
    product_code,
    rca,
    rca >= getvariable('complexity_rca_threshold') AS mcp
FROM marts.country_product_rca;

COMMENT ON TABLE marts.country_product_complexity IS 'Economic complexity per year, HS vintage, exporter and HS6 product (Harvard Growth Lab ecomplexity definitions): M_cp from RCA, diversity, ubiquity, ECI, PCI, density, COI and COG. Every pair of the year''s exporters and products with exports, also pairs without exports. Relative to the data loaded (see basis_reporters in marts.country_product_rca).';
COMMENT ON COLUMN marts.country_product_complexity.year IS 'Calendar year.';
COMMENT ON COLUMN marts.country_product_complexity.hs_vintage IS 'HS vintage of product_code: each year and vintage is computed as one country x product matrix.';
COMMENT ON COLUMN marts.country_product_complexity.country_key IS 'Exporter as aggregated: ISO3, or <KIND>:<code> for groupings (as in marts.country_product_rca).';
COMMENT ON COLUMN marts.country_product_complexity.product_code IS 'HS6 product code.';
COMMENT ON COLUMN marts.country_product_complexity.rca IS 'Balassa RCA of the exporter in the product (marts.country_product_rca); NULL when it exported none of it in the year.';
COMMENT ON COLUMN marts.country_product_complexity.mcp IS 'Presence M_cp: true when rca >= complexity_rca_threshold (setting, default 1).';
COMMENT ON COLUMN marts.country_product_complexity.diversity IS 'Diversity k_c = sum_p M_cp: the products the exporter has an RCA in, in the year and vintage.';
COMMENT ON COLUMN marts.country_product_complexity.ubiquity IS 'Ubiquity k_p = sum_c M_cp: the exporters with an RCA in the product.';
COMMENT ON COLUMN marts.country_product_complexity.eci IS 'Economic Complexity Index of the exporter (ecomplexity): kc = D^-1 M kp for the product eigenvector kp, signed to correlate positively with diversity, normalised (kc - mean) / sd over the long data (these rows; sd with n - 1): mean 0, sd 1 over the rows with an ECI; NULL when diversity is 0.';
COMMENT ON COLUMN marts.country_product_complexity.pci IS 'Product Complexity Index (ecomplexity): (kp - mean) / sd with the mean and sd of ECI''s kc, kp the eigenvector of U^-1 M^T D^-1 M for the second largest eigenvalue; on the scale of ECI (an exporter''s ECI is the mean PCI of its products with mcp), not itself mean 0 and sd 1; NULL when ubiquity is 0.';
COMMENT ON COLUMN marts.country_product_complexity.density IS 'Density d_cp = sum_p'' M_cp'' phi_pp'' / sum_p'' phi_pp'' in [0, 1], phi the proximity of products (min of the two conditional probabilities of presence, phi_pp = 0 as in ecomplexity); NULL when ubiquity is 0.';
COMMENT ON COLUMN marts.country_product_complexity.cog IS 'Complexity Outlook Gain COG_cp = (1 - M_cp) sum_p'' (1 - M_cp'') phi_pp'' kp_p'' / sum_p'''' phi_p''p'''', divided by the sd of kc (ecomplexity): what the exporter would gain in outlook by adding the product; 0 when M_cp is true, NULL when ubiquity is 0.';
COMMENT ON COLUMN marts.country_product_complexity.coi IS 'Complexity Outlook Index of the exporter: sum_p (1 - M_cp) density_cp kp_p, standardised like ECI (mean 0, sd 1 over the long data; ecomplexity); the same on every row of the exporter.';
