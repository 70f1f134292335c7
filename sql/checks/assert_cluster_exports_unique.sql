-- One row per cluster and year.
SELECT cluster_id, year, count(*) AS n
FROM marts.cluster_exports
GROUP BY ALL
HAVING count(*) > 1;
