-- INEGI indicator series (BIE) as published (monthly, quarterly, annual), plus annual averages of the monthly
-- series, so that annual values (trade, census) can be deflated with the INPC and converted with the exchange rate.
-- config: materialized=view
WITH published AS (
    SELECT source AS source_id, indicator_id, area, frequency, period, period_year, period_month, period_quarter,
           period_start::DATE AS period_start, value, (value IS NOT NULL)::INTEGER AS periods_observed, false AS derived,
           extract_id
    FROM lake.indicator_series
),
annual_from_monthly AS (
    SELECT source_id, indicator_id, area, 'annual' AS frequency, period_year::VARCHAR AS period, period_year,
           NULL::INTEGER AS period_month, NULL::INTEGER AS period_quarter, make_date(period_year, 1, 1) AS period_start,
           avg(value) AS value, count(value)::INTEGER AS periods_observed, true AS derived, min(extract_id) AS extract_id
    FROM published
    WHERE frequency = 'monthly'
    GROUP BY source_id, indicator_id, area, period_year
)
SELECT * FROM published
UNION ALL
SELECT * FROM annual_from_monthly
WHERE NOT EXISTS (SELECT 1 FROM published p WHERE p.frequency = 'annual' AND p.source_id = annual_from_monthly.source_id
                  AND p.indicator_id = annual_from_monthly.indicator_id AND p.area = annual_from_monthly.area
                  AND p.period_year = annual_from_monthly.period_year);

COMMENT ON VIEW staging.stg_inegi_index_series IS 'INEGI indicator series (INPC, exchange rate, ...) oldest first: the published observations, plus annual averages of monthly series where no annual series is published.';
COMMENT ON COLUMN staging.stg_inegi_index_series.source_id IS 'Source id (an inegi_bie source).';
COMMENT ON COLUMN staging.stg_inegi_index_series.indicator_id IS 'BIE indicator id (628194 = INPC general index).';
COMMENT ON COLUMN staging.stg_inegi_index_series.area IS 'Area of the series: 00 national, 0700-style for a state.';
COMMENT ON COLUMN staging.stg_inegi_index_series.frequency IS 'monthly, quarterly or annual (BIE FREQ 8, 4, 3).';
COMMENT ON COLUMN staging.stg_inegi_index_series.period IS 'Period as published (2024/07 month, 2024/02 quarter, 2024 year).';
COMMENT ON COLUMN staging.stg_inegi_index_series.period_year IS 'Year of the period.';
COMMENT ON COLUMN staging.stg_inegi_index_series.period_month IS 'Month (1-12) of a monthly observation, else NULL.';
COMMENT ON COLUMN staging.stg_inegi_index_series.period_quarter IS 'Quarter (1-4) of a quarterly observation, or the quarter a month falls in; NULL for annual rows.';
COMMENT ON COLUMN staging.stg_inegi_index_series.period_start IS 'First day of the period.';
COMMENT ON COLUMN staging.stg_inegi_index_series.value IS 'Value; NULL when the API gives an empty OBS_VALUE (missing, not zero). Annual rows of monthly series: mean of the months with a value.';
COMMENT ON COLUMN staging.stg_inegi_index_series.periods_observed IS 'Observations with a value behind the row: 1 (or 0 when missing) for published rows, months with a value (of 12) for annual averages.';
COMMENT ON COLUMN staging.stg_inegi_index_series.derived IS 'true for annual averages computed here from a monthly series; false for published observations.';
COMMENT ON COLUMN staging.stg_inegi_index_series.extract_id IS 'First 16 hex digits of the SHA-256 of the raw file the row came from (meta.extracts).';
