-- kg of an FAO primary item per kg of an HS product made from it: pipelines/reference/primary_equivalents.csv.
CREATE TABLE ref.primary_equivalents (
    fao_item_code INTEGER NOT NULL,
    hs_prefix     VARCHAR NOT NULL,
    factor        DECIMAL(9, 3) NOT NULL,
    basis         VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    PRIMARY KEY (fao_item_code, hs_prefix)
);
INSERT INTO ref.primary_equivalents BY NAME
SELECT * FROM read_csv({{ reference_file('primary_equivalents.csv') }}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {'fao_item_code': 'INTEGER', 'hs_prefix': 'VARCHAR', 'factor': 'DECIMAL(9, 3)', 'basis': 'VARCHAR', 'source': 'VARCHAR'});
COMMENT ON TABLE ref.primary_equivalents IS 'Weight of an FAO primary item (e.g. 882 raw milk of cattle) in one kg of an HS product made from it: the milk equivalent of dairy exports (pipelines/reference/primary_equivalents.csv). The longest matching prefix applies; a product of an item listed here that no prefix matches (whey, 0404) has no factor. Items not listed here are traded as they are produced (a kg of HS 080450 mangoes is a kg of FAO item 571).';
COMMENT ON COLUMN ref.primary_equivalents.fao_item_code IS 'FAO item code of the primary product (ref.fao_items).';
COMMENT ON COLUMN ref.primary_equivalents.hs_prefix IS 'HS code or prefix (2-6 digits, any vintage) of the products made from it.';
COMMENT ON COLUMN ref.primary_equivalents.factor IS 'kg of the primary item per kg of product (7.6 kg of milk per kg of milk powder).';
COMMENT ON COLUMN ref.primary_equivalents.basis IS 'What the factor conserves: milk solids, or the product counted as the item itself.';
COMMENT ON COLUMN ref.primary_equivalents.source IS 'Where the factor comes from (a publication, or our assumption, said so).';
