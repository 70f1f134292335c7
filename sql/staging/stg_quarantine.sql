-- Rows that normalization could not read, with file, line, column and reason.
-- config: materialized=view
SELECT source AS source_id, extract_id, file, line, "column" AS column_name, reason, raw_record,
       year, reporter_iso3, product_code, value_usd
FROM lake.quarantine;

COMMENT ON VIEW staging.stg_quarantine IS 'Rows of the raw extracts that could not be normalized and were left out of every table, with the reason.';
COMMENT ON COLUMN staging.stg_quarantine.source_id IS 'Source id.';
COMMENT ON COLUMN staging.stg_quarantine.extract_id IS 'Extract the row belongs to (meta.extracts.sha256 prefix).';
COMMENT ON COLUMN staging.stg_quarantine.file IS 'Raw file (zip!entry for zip members), relative to the data folder.';
COMMENT ON COLUMN staging.stg_quarantine.line IS '1-based line of the row in that file (the header is line 1).';
COMMENT ON COLUMN staging.stg_quarantine.column_name IS 'Column at fault, when one is (t, i, j, k, v, q for BACI).';
COMMENT ON COLUMN staging.stg_quarantine.reason IS 'Why the row could not be read.';
COMMENT ON COLUMN staging.stg_quarantine.raw_record IS 'The row as it appears in the file.';
COMMENT ON COLUMN staging.stg_quarantine.year IS 'Year of the row, when it could be read; NULL otherwise.';
COMMENT ON COLUMN staging.stg_quarantine.reporter_iso3 IS 'Reporter (exporter) of a trade row, when it could be read and resolved; NULL otherwise.';
COMMENT ON COLUMN staging.stg_quarantine.product_code IS 'Product code of a trade row, when it could be read; NULL otherwise.';
COMMENT ON COLUMN staging.stg_quarantine.value_usd IS 'Value of a trade row in USD, read or estimated (a value split by unquoted thousand separators), when one can be made: what the loss weighs. NULL otherwise.';
