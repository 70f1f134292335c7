-- FAO items with their CPC and HS codes: pipelines/reference/fao_items.csv, FAOSTAT's "Definitions and standards - Item"
-- download as it comes (every field quoted, an item once per domain, HS codes as comma-separated lists, group codes
-- such as F1712 or 'S2511 that map to no HS code). An item is described the same way in every domain: the row of its
-- first domain code (alphabetically) is kept.
CREATE TABLE ref.fao_items (
    item_code  INTEGER NOT NULL,
    item_name  VARCHAR NOT NULL,
    cpc_code   VARCHAR NOT NULL,
    hs_vintage VARCHAR,
    hs_code    VARCHAR
);
INSERT INTO ref.fao_items BY NAME
WITH listed AS (
    SELECT trim(item_code, ' ''') AS code, domain_code, trim(item) AS item, trim(cpc_code, ' ''') AS cpc, hs_code, hs07_code, hs12_code
    FROM read_csv({{ reference_file('fao_items.csv') }}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
        columns = {'domain_code': 'VARCHAR', 'domain': 'VARCHAR', 'item_code': 'VARCHAR', 'item': 'VARCHAR', 'description': 'VARCHAR', 'cpc_code': 'VARCHAR', 'hs_code': 'VARCHAR', 'hs07_code': 'VARCHAR', 'hs12_code': 'VARCHAR'})
),
items AS (            -- one row per item with a numeric code (groups such as F1712 map to no HS code)
    SELECT DISTINCT ON (code) code::INTEGER AS item_code, coalesce(item, '') AS item_name, coalesce(cpc, '') AS cpc_code,
           hs_code AS "HS", hs07_code AS "HS07", hs12_code AS "HS12"
    FROM listed
    WHERE regexp_full_match(code, '[0-9]+')
    ORDER BY code, domain_code
),
hs_lists AS (
    UNPIVOT items ON "HS", "HS07", "HS12" INTO NAME hs_vintage VALUE hs_codes
)
SELECT item_code, item_name, cpc_code, NULL AS hs_vintage, NULL AS hs_code FROM items
UNION ALL
SELECT item_code, item_name, cpc_code, hs_vintage, trim(trim(code), '''') AS hs_code
FROM (SELECT *, unnest(string_split(hs_codes, ',')) AS code FROM hs_lists)
WHERE trim(code) <> '';
COMMENT ON TABLE ref.fao_items IS 'FAO items with their CPC code (a row with hs_vintage NULL) and their HS codes per vintage, from FAOSTAT''s Definitions and standards - Item (pipelines/reference/fao_items.csv).';
COMMENT ON COLUMN ref.fao_items.item_code IS 'FAO item code (e.g. 882 Raw milk of cattle, 571 Mangoes, 572 Avocados, 656 Coffee green, 486 Bananas).';
COMMENT ON COLUMN ref.fao_items.item_name IS 'FAO item name.';
COMMENT ON COLUMN ref.fao_items.cpc_code IS 'CPC code of the item (text, leading zeros kept).';
COMMENT ON COLUMN ref.fao_items.hs_vintage IS 'Vintage of hs_code as FAOSTAT labels it: HS (the "HS Code" column), HS07 or HS12; NULL on the CPC row.';
COMMENT ON COLUMN ref.fao_items.hs_code IS 'HS code the item corresponds to in that vintage (an item may have several).';
