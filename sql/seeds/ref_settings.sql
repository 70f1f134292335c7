-- The warehouse settings (pipelines/warehouse.json, or the defaults): not a CSV file, so the pipeline fills this table
-- (DefinitionTables, by column name) before the models run.
CREATE TABLE ref.settings (
    name        VARCHAR PRIMARY KEY,
    value       VARCHAR NOT NULL,
    description VARCHAR NOT NULL
);
COMMENT ON TABLE ref.settings IS 'Parameters the models were built with (pipelines/warehouse.json or defaults), also set as DuckDB variables of the same name during the build.';
COMMENT ON COLUMN ref.settings.name IS 'Setting name (cif_fob_margin, decomposition_window_years).';
COMMENT ON COLUMN ref.settings.value IS 'Value as text.';
COMMENT ON COLUMN ref.settings.description IS 'What the setting does.';
