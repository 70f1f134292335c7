-- Concentration of each cluster per year: of its destinations and products, of world exports of its products
-- (intermediate.int_cluster_export_concentration, int_cluster_world_exporters), of its firms (DENUE: establishments of
-- its SCIAN activities in its regions, intermediate.int_cluster_firms and int_cluster_firm_bounds, with their location,
-- int_cluster_denue_location), of its exporting firms (int_cluster_exporter_firms) and of its activity across Mexican
-- regions (Economic Census, int_cluster_census_share). A cell a source does not cover, or that INEGI withheld, is NULL
-- with the reason in notes, never zero.
-- config: partition_by=year
WITH trade AS (
    SELECT cluster_id, year, destination_hhi FROM marts.cluster_exports
),
keys AS (
    SELECT cluster_id, year FROM trade
    UNION SELECT cluster_id, year FROM intermediate.int_cluster_exporter_firms
    UNION SELECT cluster_id, year FROM intermediate.int_cluster_firms
    UNION SELECT cluster_id, year FROM intermediate.int_cluster_census_share
)
SELECT
    k.cluster_id,
    k.year,
    t.destination_hhi,
    x.destination_cr4,
    x.product_hhi,
    w.exporter_hhi_world,
    w.cluster_rank_world,
    f.firm_count,
    f.firm_employment_low,
    f.firm_employment_mid,
    f.firm_employment_high,
    fb.firm_cr4_low,
    fb.firm_cr4_high,
    f.firm_hhi_mid,
    dl.location_quotient,
    ce.regional_share,
    dl.locational_gini,
    nullif(concat_ws('; ',
        CASE WHEN t.cluster_id IS NULL THEN 'no trade data for the year' END,
        CASE WHEN NOT sc.has_scian THEN 'no SCIAN codes: firm and regional indicators do not apply'
             WHEN f.cluster_id IS NULL THEN 'no DENUE snapshot for the year' END,
        CASE WHEN f.open_band_firms > 0 THEN 'firm high bounds NULL: ' || f.open_band_firms || ' establishment(s) in the open band 251 y más (no upper bound)' END,
        CASE WHEN NOT sc.has_scian OR ce.cluster_id IS NULL THEN NULL
             WHEN ce.employment_withheld
             THEN 'regional_share NULL: a census cell is withheld (confidential): employment (H001A) of SCIAN ' || ce.census_scian_codes
             ELSE 'regional_share: census employment (H001A) of SCIAN ' || ce.census_scian_codes || ' in ' || ce.areas
                  || ' area(s) of the cluster / national' END,
        CASE WHEN sc.has_scian AND ce.cluster_id IS NOT NULL AND ce.production_withheld
             THEN 'regional_output_share NULL: census gross production (A111A) withheld in a cell' END,
        CASE WHEN dl.cluster_id IS NOT NULL
             THEN 'location_quotient and locational_gini relative to the DENUE extracts loaded (' || dl.states || ' state(s)); a national DENUE download gives the national ones' END
    ), '')                              AS notes,
    fb.firm_hhi_low,
    fb.firm_hhi_high,
    ce.regional_output_share,
    ec.exporter_firm_count,
    ec.exporter_firm_cr4::DOUBLE        AS exporter_firm_cr4,
    ec.exporter_firm_hhi::DOUBLE        AS exporter_firm_hhi
FROM keys AS k
LEFT JOIN intermediate.int_cluster_exporter_firms AS ec ON ec.cluster_id = k.cluster_id AND ec.year = k.year
LEFT JOIN trade AS t ON t.cluster_id = k.cluster_id AND t.year = k.year
LEFT JOIN intermediate.int_cluster_export_concentration AS x ON x.cluster_id = k.cluster_id AND x.year = k.year
LEFT JOIN intermediate.int_cluster_world_exporters AS w ON w.cluster_id = k.cluster_id AND w.year = k.year
LEFT JOIN intermediate.int_cluster_firms AS f ON f.cluster_id = k.cluster_id AND f.year = k.year
LEFT JOIN intermediate.int_cluster_firm_bounds AS fb ON fb.cluster_id = k.cluster_id AND fb.year = k.year
LEFT JOIN intermediate.int_cluster_census_share AS ce ON ce.cluster_id = k.cluster_id AND ce.year = k.year
LEFT JOIN intermediate.int_cluster_denue_location AS dl ON dl.cluster_id = k.cluster_id AND dl.year = k.year AND f.cluster_id IS NOT NULL
JOIN (SELECT c.cluster_id, EXISTS (SELECT 1 FROM ref.cluster_scian AS s WHERE s.cluster_id = c.cluster_id) AS has_scian
      FROM ref.clusters AS c) AS sc ON sc.cluster_id = k.cluster_id;

COMMENT ON TABLE marts.cluster_concentration IS 'Concentration of each cluster per year: destinations, products, world exporters, firms (DENUE snapshots, from employment size bands, with true low/high bounds) and regional share (Economic Census). NULL with a reason in notes where a source does not cover the cluster or a cell is withheld.';
COMMENT ON COLUMN marts.cluster_concentration.cluster_id IS 'Cluster id (ref.clusters).';
COMMENT ON COLUMN marts.cluster_concentration.year IS 'Year: of the trade data, of the census, or of the DENUE snapshot (intermediate.int_denue_establishments: the newest registration month of its source).';
COMMENT ON COLUMN marts.cluster_concentration.destination_hhi IS 'HHI of destinations by export value (sum of squared shares), in (0, 1].';
COMMENT ON COLUMN marts.cluster_concentration.destination_cr4 IS 'Share of the four largest destinations in the cluster''s exports (ties broken by partner code; the sum is the same whichever tied partner is taken).';
COMMENT ON COLUMN marts.cluster_concentration.product_hhi IS 'HHI of the cluster''s HS6 products in its exports.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_hhi_world IS 'HHI of exporters in world exports of the cluster''s products: how concentrated world supply is.';
COMMENT ON COLUMN marts.cluster_concentration.cluster_rank_world IS 'Rank of the cluster''s country among world exporters of its products (1 = largest; tied exporters share a rank and the next rank is skipped: 1, 2, 2, 4).';
COMMENT ON COLUMN marts.cluster_concentration.firm_count IS 'DENUE establishments of the cluster''s SCIAN activities in its regions in the snapshot (exact; an establishment once).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_low IS 'Their employment, lower estimate (sum of the bands'' lower bounds).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_mid IS 'Their employment, central estimate (band midpoints; 376.5 for 251 y más).';
COMMENT ON COLUMN marts.cluster_concentration.firm_employment_high IS 'Their employment, upper estimate; NULL when an establishment is in the open band 251 y más (see notes).';
COMMENT ON COLUMN marts.cluster_concentration.firm_cr4_low IS 'Smallest employment share of the four largest establishments that their size bands allow (the establishments pulled towards one common level within their bands); a true lower bound.';
COMMENT ON COLUMN marts.cluster_concentration.firm_cr4_high IS 'Largest CR4 the bands allow: the four largest at their upper bounds, all others at their lower bounds; NULL with an establishment in the open band 251 y más (no upper bound: CR4 can come as close to 1 as it likes).';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_mid IS 'HHI of establishments by employment midpoints.';
COMMENT ON COLUMN marts.cluster_concentration.location_quotient IS 'Location quotient (e_rs / e_r) / (e_Ns / e_N) on DENUE employment midpoints: the cluster''s activities s in its regions r against everything N in the snapshot''s DENUE extracts (national with a national download); on the DENUE snapshot row.';
COMMENT ON COLUMN marts.cluster_concentration.regional_share IS 'Share of national EMPLOYMENT (census H001A): the cluster''s activity in its states and municipalities / nationally, summed over its SCIAN codes at one code level (see notes); NULL only when a cell it uses withholds employment.';
COMMENT ON COLUMN marts.cluster_concentration.locational_gini IS 'Locational Gini of the cluster''s activities across the states of the snapshot''s DENUE extracts: 0.5 minus the area under the Lorenz curve of activity vs total employment (states ordered by location quotient); 0 = spread like all activity, at most 0.5.';
COMMENT ON COLUMN marts.cluster_concentration.notes IS 'Why indicators are NULL, and what regional_share is of (measure, SCIAN codes, areas).';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_low IS 'Smallest HHI of establishments by employment that their size bands allow (employment as equal as the bands let it be); a true lower bound.';
COMMENT ON COLUMN marts.cluster_concentration.firm_hhi_high IS 'Largest HHI the bands allow (the largest bands at their upper bounds, the others at their lower bounds); NULL with an establishment in the open band 251 y más.';
COMMENT ON COLUMN marts.cluster_concentration.regional_output_share IS 'Share of national gross PRODUCTION (census A111A, current pesos), same areas, codes and level as regional_share; NULL only when a cell it uses withholds production.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_firm_count IS 'Exporting firms of the cluster''s country and HS codes with exports in the year, from users'' tables (staging.stg_firm_exports, source kind table, values in USD); NULL without such a table.';
COMMENT ON COLUMN marts.cluster_concentration.exporter_firm_cr4 IS 'Share of the four largest exporting firms in those firms'' exports (ties broken by name).';
COMMENT ON COLUMN marts.cluster_concentration.exporter_firm_hhi IS 'HHI of exporting firms: sum of squared shares of their exports, in (0, 1].';
