-- The concordance between HS editions: pipelines/reference/hs_concordance.csv.gz (or a plain hs_concordance.csv beside it),
-- the correlation tables already chained by make_reference.py. The file lists each pair older -> newer; the reverse
-- (newer -> older) is the same link, its relationship mirrored.
CREATE TABLE ref.hs_concordance (
    from_vintage VARCHAR NOT NULL,
    from_code    VARCHAR NOT NULL,
    to_vintage   VARCHAR NOT NULL,
    to_code      VARCHAR NOT NULL,
    relationship VARCHAR NOT NULL
);
INSERT INTO ref.hs_concordance BY NAME
SELECT * FROM read_csv({{ reference_file('hs_concordance.csv') }}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {'from_vintage': 'VARCHAR', 'from_code': 'VARCHAR', 'to_vintage': 'VARCHAR', 'to_code': 'VARCHAR', 'relationship': 'VARCHAR'});
INSERT INTO ref.hs_concordance
SELECT to_vintage, to_code, from_vintage, from_code, reverse(relationship) FROM ref.hs_concordance;
COMMENT ON TABLE ref.hs_concordance IS 'HS6 codes of two editions that cover some of the same goods, for every pair of editions in both directions: the UNSD/WCO correlation tables between consecutive editions chained through the editions in between by make_reference.py (pipelines/reference/hs_concordance.csv.gz) (HS92 -> HS96 -> ... -> HS22). A code without rows towards an edition is unchanged there: linked to itself alone (most codes), or not in the tables (HS07 291636 to HS12, 999999 before HS12).';
COMMENT ON COLUMN ref.hs_concordance.from_vintage IS 'Vintage of from_code.';
COMMENT ON COLUMN ref.hs_concordance.from_code IS 'HS6 code in from_vintage.';
COMMENT ON COLUMN ref.hs_concordance.to_vintage IS 'Vintage of to_code (never equal to from_vintage; older or newer).';
COMMENT ON COLUMN ref.hs_concordance.to_code IS 'HS6 code in to_vintage covering some or all of the goods of from_code.';
COMMENT ON COLUMN ref.hs_concordance.relationship IS 'How the two codes are linked, read from:to: 1:1 (each is the other''s only code), 1:n (from_code was split: it links to several to_vintage codes, to_code to it alone), n:1 (merged), n:n (both link to several).';
