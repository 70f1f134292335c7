-- Shares are fractions, values and RCA are non-negative.
SELECT cluster_id, year, export_value_usd, world_share_value, rca, top_destination_share
FROM marts.cluster_exports
WHERE export_value_usd < 0
   OR world_share_value NOT BETWEEN 0 AND 1
   OR rca < 0
   OR top_destination_share NOT BETWEEN 0 AND 1;
