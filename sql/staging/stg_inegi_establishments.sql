-- DENUE establishments of every denue source, as normalized in lake/normalized/establishments.
-- config: materialized=view
SELECT
    e.source                                   AS source_id,
    e.id                                       AS establishment_id,
    e.clee,
    e.name,
    e.legal_name,
    e.scian_code,
    e.activity_name,
    e.employment_band,
    e.employment_low,
    e.employment_high,
    e.employment_mid,
    e.state_key,
    coalesce(g.name, e.state_name)             AS state_name,
    e.municipality_key,
    e.municipality_name,
    e.locality_key,
    e.locality_name,
    e.unit_type,
    e.latitude,
    e.longitude,
    e.registered_month,
    e.extract_id
FROM lake.establishments e
LEFT JOIN ref.mx_geo g ON g.inegi_key = e.state_key AND g.level = 'state';

COMMENT ON VIEW staging.stg_inegi_establishments IS 'Establishments of INEGI''s business register (DENUE), one row per establishment and source.';
COMMENT ON COLUMN staging.stg_inegi_establishments.source_id IS 'Source id the row was normalized from (pipelines/sources/<id>.json).';
COMMENT ON COLUMN staging.stg_inegi_establishments.establishment_id IS 'DENUE id of the establishment.';
COMMENT ON COLUMN staging.stg_inegi_establishments.clee IS 'Clave estadística empresarial (DENUE clee).';
COMMENT ON COLUMN staging.stg_inegi_establishments.name IS 'Name of the establishment (nom_estab).';
COMMENT ON COLUMN staging.stg_inegi_establishments.legal_name IS 'Legal name (raz_social); NULL when DENUE has none.';
COMMENT ON COLUMN staging.stg_inegi_establishments.scian_code IS 'SCIAN class, 6 digits as text (codigo_act).';
COMMENT ON COLUMN staging.stg_inegi_establishments.activity_name IS 'SCIAN class name as DENUE publishes it (nombre_act).';
COMMENT ON COLUMN staging.stg_inegi_establishments.employment_band IS 'Employment size band as published (per_ocu), e.g. 11 a 30 personas.';
COMMENT ON COLUMN staging.stg_inegi_establishments.employment_low IS 'Lower bound of the band (persons).';
COMMENT ON COLUMN staging.stg_inegi_establishments.employment_high IS 'Upper bound of the band; NULL for the open top band 251 y más personas.';
COMMENT ON COLUMN staging.stg_inegi_establishments.employment_mid IS 'Midpoint of the band; for the open top band 1.5 x 251 = 376.5 (a convention).';
COMMENT ON COLUMN staging.stg_inegi_establishments.state_key IS 'INEGI state key, 2 digits (cve_ent).';
COMMENT ON COLUMN staging.stg_inegi_establishments.state_name IS 'State name from ref.mx_geo (else as in the file).';
COMMENT ON COLUMN staging.stg_inegi_establishments.municipality_key IS 'INEGI municipality key, 5 digits (cve_ent + cve_mun).';
COMMENT ON COLUMN staging.stg_inegi_establishments.municipality_name IS 'Municipality name as in the file (ref.mx_geo has INEGI''s names for the municipalities of the cluster states).';
COMMENT ON COLUMN staging.stg_inegi_establishments.locality_key IS 'INEGI locality key, 9 digits (state + municipality + cve_loc); NULL when absent.';
COMMENT ON COLUMN staging.stg_inegi_establishments.locality_name IS 'Locality name as in the file.';
COMMENT ON COLUMN staging.stg_inegi_establishments.unit_type IS 'Type of economic unit (tipoUniEco: Fijo, Semifijo).';
COMMENT ON COLUMN staging.stg_inegi_establishments.latitude IS 'Latitude, decimal degrees; NULL when absent.';
COMMENT ON COLUMN staging.stg_inegi_establishments.longitude IS 'Longitude, decimal degrees; NULL when absent.';
COMMENT ON COLUMN staging.stg_inegi_establishments.registered_month IS 'Month the establishment entered DENUE (fecha_alta, YYYY-MM).';
COMMENT ON COLUMN staging.stg_inegi_establishments.extract_id IS 'First 16 hex digits of the SHA-256 of the raw file the row came from (meta.extracts).';
