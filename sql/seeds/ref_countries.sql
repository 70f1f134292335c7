-- Countries and their codes in every system the sources use: pipelines/reference/countries.csv (our own compilation from
-- ISO 3166, UN M49, FAOSTAT, UN Comtrade and CEPII BACI lists).
CREATE TABLE ref.countries (
    entity        VARCHAR PRIMARY KEY,
    iso3          VARCHAR,
    iso2          VARCHAR,
    m49           VARCHAR,
    fao_code      INTEGER,
    comtrade_code INTEGER,
    baci_code     INTEGER,
    name_en       VARCHAR NOT NULL,
    name_es       VARCHAR NOT NULL,
    valid_from    INTEGER,
    valid_to      INTEGER,
    kind          VARCHAR NOT NULL,
    is_aggregate  BOOLEAN NOT NULL,
    note          VARCHAR
);
INSERT INTO ref.countries BY NAME
SELECT *, kind = 'aggregate' AS is_aggregate
FROM read_csv({{ reference_file('countries.csv') }}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {'entity': 'VARCHAR', 'iso3': 'VARCHAR', 'iso2': 'VARCHAR', 'm49': 'VARCHAR', 'fao_code': 'INTEGER', 'comtrade_code': 'INTEGER', 'baci_code': 'INTEGER', 'name_en': 'VARCHAR', 'name_es': 'VARCHAR', 'valid_from': 'INTEGER', 'valid_to': 'INTEGER', 'kind': 'VARCHAR', 'note': 'VARCHAR'});
COMMENT ON TABLE ref.countries IS 'Countries, territories, former entities, residual partners and aggregates, with their code in each source. Join a source''s code to its column, and keep rows valid in the year of the data. Never add aggregates (is_aggregate) to countries in a total; FAO area codes >= 5000 are aggregates by rule.';
COMMENT ON COLUMN ref.countries.entity IS 'Unique id of the row: the ISO3 for current countries, another id for former entities (BLX, SUN, SDNFORMER ...), residuals and aggregates.';
COMMENT ON COLUMN ref.countries.iso3 IS 'ISO 3166-1 alpha-3 (historic ISO 3166-3 codes for SUN, YUG, CSK, DDR, SCG, ANT). Shared by a former entity filed under its successor (BLX under BEL as BACI does). NULL for residuals and aggregates.';
COMMENT ON COLUMN ref.countries.iso2 IS 'ISO 3166-1 alpha-2 (NA is Namibia, read as text).';
COMMENT ON COLUMN ref.countries.m49 IS 'UN M49 numeric code, 3 characters with leading zeros (FAOSTAT Area Code (M49) without its apostrophe).';
COMMENT ON COLUMN ref.countries.fao_code IS 'FAOSTAT area code (Area Code / Area Code (FAO)).';
COMMENT ON COLUMN ref.countries.comtrade_code IS 'UN Comtrade reporter/partner code (not always M49: 842 USA, 251 France, 381 Italy, 579 Norway, 699 India, 757 Switzerland; 0 World).';
COMMENT ON COLUMN ref.countries.baci_code IS 'CEPII BACI country code (follows Comtrade).';
COMMENT ON COLUMN ref.countries.name_en IS 'Name in English.';
COMMENT ON COLUMN ref.countries.name_es IS 'Name in Spanish.';
COMMENT ON COLUMN ref.countries.valid_from IS 'First year the entity reports (NULL: always).';
COMMENT ON COLUMN ref.countries.valid_to IS 'Last year the entity reports (NULL: still does); e.g. Belgium-Luxembourg until 1999, Belgium and Luxembourg from 2000.';
COMMENT ON COLUMN ref.countries.kind IS 'country, territory, former, residual (a "nes" partner that counts in totals) or aggregate (a sum of other rows).';
COMMENT ON COLUMN ref.countries.is_aggregate IS 'True when the row is a sum of other rows (World, FAO regions, FAO 351 China): exclude it from world totals.';
COMMENT ON COLUMN ref.countries.note IS 'Why a code differs from the norm.';
