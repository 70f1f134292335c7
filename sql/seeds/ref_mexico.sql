-- Mexico's reference, loaded by the pipeline from pipelines/reference/mx_geo.csv and scian.csv.
CREATE TABLE ref.mx_geo (
    inegi_key VARCHAR PRIMARY KEY,
    level     VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    state_key VARCHAR NOT NULL
);
COMMENT ON TABLE ref.mx_geo IS 'INEGI geography: the 32 states (municipalities of the cluster states to be added). Keys are text with leading zeros.';
COMMENT ON COLUMN ref.mx_geo.inegi_key IS 'INEGI key: 2 digits for a state (cve_ent), 5 for a municipality (cve_ent + cve_mun).';
COMMENT ON COLUMN ref.mx_geo.level IS 'state or municipality.';
COMMENT ON COLUMN ref.mx_geo.name IS 'Official name (e.g. Michoacán de Ocampo).';
COMMENT ON COLUMN ref.mx_geo.state_key IS 'The 2-digit key of the state the unit belongs to.';

CREATE TABLE ref.scian (
    code        VARCHAR PRIMARY KEY,
    title_es    VARCHAR NOT NULL,
    parent_code VARCHAR,
    digits      INTEGER NOT NULL,
    note        VARCHAR
);
COMMENT ON TABLE ref.scian IS 'SCIAN (North American industry classification, Mexico) codes the clusters use, with their parents: a 3- or 4-digit code selects every code below it.';
COMMENT ON COLUMN ref.scian.code IS 'SCIAN code (text; sectors may be ranges such as 31-33).';
COMMENT ON COLUMN ref.scian.title_es IS 'Title in Spanish.';
COMMENT ON COLUMN ref.scian.parent_code IS 'The code one level up; NULL for a sector.';
COMMENT ON COLUMN ref.scian.digits IS 'Level: 2 sector, 3 subsector, 4 branch, 5 sub-branch, 6 national class.';
COMMENT ON COLUMN ref.scian.note IS 'What is still to verify, when anything is.';
