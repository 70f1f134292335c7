-- HS products and the concordance between HS vintages, loaded by the pipeline from
-- pipelines/reference/hs_products.csv and hs_concordance.csv.
CREATE TABLE ref.products (
    hs_vintage  VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    level       INTEGER NOT NULL,
    description VARCHAR NOT NULL,
    PRIMARY KEY (hs_vintage, code)
);
COMMENT ON TABLE ref.products IS 'HS codes per vintage with descriptions: the chapters, headings and subheadings of the products our clusters use (pipelines/reference/hs_products.csv, our compilation from the WCO nomenclature).';
COMMENT ON COLUMN ref.products.hs_vintage IS 'HS vintage: HS92, HS96, HS02, HS07, HS12, HS17, HS22.';
COMMENT ON COLUMN ref.products.code IS 'HS code as text: 2 (chapter), 4 (heading) or 6 digits (subheading), leading zeros kept.';
COMMENT ON COLUMN ref.products.level IS 'Digits of the code: 2, 4 or 6.';
COMMENT ON COLUMN ref.products.description IS 'Description in English (abridged from the nomenclature).';

CREATE TABLE ref.hs_concordance (
    from_vintage VARCHAR NOT NULL,
    from_code    VARCHAR NOT NULL,
    to_vintage   VARCHAR NOT NULL,
    to_code      VARCHAR NOT NULL,
    concept      VARCHAR NOT NULL
);
COMMENT ON TABLE ref.hs_concordance IS 'HS6 codes that were split or merged between vintages, as pairs: from_code in from_vintage covers goods that to_code covers in to_vintage (every direction listed). Codes not listed are unchanged between vintages. From pipelines/reference/hs_concordance.csv.';
COMMENT ON COLUMN ref.hs_concordance.from_vintage IS 'Vintage of from_code.';
COMMENT ON COLUMN ref.hs_concordance.from_code IS 'HS6 code in from_vintage.';
COMMENT ON COLUMN ref.hs_concordance.to_vintage IS 'Vintage of to_code (never equal to from_vintage).';
COMMENT ON COLUMN ref.hs_concordance.to_code IS 'HS6 code in to_vintage covering some or all of the goods of from_code.';
COMMENT ON COLUMN ref.hs_concordance.concept IS 'Name of the group of codes that cover the same goods across vintages (e.g. salmon_fresh).';

CREATE TABLE ref.settings (
    name        VARCHAR PRIMARY KEY,
    value       VARCHAR NOT NULL,
    description VARCHAR NOT NULL
);
COMMENT ON TABLE ref.settings IS 'Parameters the models were built with (pipelines/warehouse.json or defaults), also set as DuckDB variables of the same name during the build.';
COMMENT ON COLUMN ref.settings.name IS 'Setting name (cif_fob_margin, decomposition_window_years).';
COMMENT ON COLUMN ref.settings.value IS 'Value as text.';
COMMENT ON COLUMN ref.settings.description IS 'What the setting does.';

CREATE TABLE ref.deflators (
    series VARCHAR NOT NULL,
    year   INTEGER NOT NULL,
    value  DOUBLE NOT NULL,
    source VARCHAR NOT NULL,
    PRIMARY KEY (series, year)
);
COMMENT ON TABLE ref.deflators IS 'Price indices used to deflate price series (pipelines/reference/deflators.csv): US_CPI_U for USD series.';
COMMENT ON COLUMN ref.deflators.series IS 'Series id: US_CPI_U (BLS consumer price index, all urban consumers, US city average, 1982-84 = 100, annual average).';
COMMENT ON COLUMN ref.deflators.year IS 'Calendar year.';
COMMENT ON COLUMN ref.deflators.value IS 'Index value (annual average).';
COMMENT ON COLUMN ref.deflators.source IS 'Where the value comes from.';

CREATE TABLE ref.primary_equivalents (
    fao_item_code INTEGER NOT NULL,
    hs_prefix     VARCHAR NOT NULL,
    factor        DECIMAL(9, 3) NOT NULL,
    basis         VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    PRIMARY KEY (fao_item_code, hs_prefix)
);
COMMENT ON TABLE ref.primary_equivalents IS 'Weight of an FAO primary item (e.g. 882 raw milk of cattle) in one kg of an HS product made from it: the milk equivalent of dairy exports (pipelines/reference/primary_equivalents.csv). The longest matching prefix applies; a product of an item listed here that no prefix matches (whey, 0404) has no factor. Items not listed here are traded as they are produced (a kg of HS 080450 mangoes is a kg of FAO item 571).';
COMMENT ON COLUMN ref.primary_equivalents.fao_item_code IS 'FAO item code of the primary product (ref.fao_items).';
COMMENT ON COLUMN ref.primary_equivalents.hs_prefix IS 'HS code or prefix (2-6 digits, any vintage) of the products made from it.';
COMMENT ON COLUMN ref.primary_equivalents.factor IS 'kg of the primary item per kg of product (7.6 kg of milk per kg of milk powder).';
COMMENT ON COLUMN ref.primary_equivalents.basis IS 'What the factor conserves: milk solids, or the product counted as the item itself.';
COMMENT ON COLUMN ref.primary_equivalents.source IS 'Where the factor comes from (a publication, or our assumption, said so).';
