-- Price indices: pipelines/reference/deflators.csv (US CPI-U, BLS annual averages).
CREATE TABLE ref.deflators (
    series VARCHAR NOT NULL,
    year   INTEGER NOT NULL,
    value  DOUBLE NOT NULL,
    source VARCHAR NOT NULL,
    PRIMARY KEY (series, year)
);
INSERT INTO ref.deflators BY NAME
SELECT * FROM read_csv({{ reference_file('deflators.csv') }}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {'series': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'source': 'VARCHAR'});
COMMENT ON TABLE ref.deflators IS 'Price indices used to deflate price series (pipelines/reference/deflators.csv): US_CPI_U for USD series.';
COMMENT ON COLUMN ref.deflators.series IS 'Series id: US_CPI_U (BLS consumer price index, all urban consumers, US city average, 1982-84 = 100, annual average).';
COMMENT ON COLUMN ref.deflators.year IS 'Calendar year.';
COMMENT ON COLUMN ref.deflators.value IS 'Index value (annual average).';
COMMENT ON COLUMN ref.deflators.source IS 'Where the value comes from.';
