using DuckDB.NET.Data;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// What a successful build still tells the user to look at, read from the warehouse: a cluster whose HS codes, FAO items
/// or SCIAN codes match none of the data loaded (<c>marts.cluster_coverage</c>), and years whose trade basis is far from
/// world coverage, so that world shares and RCA are shares of an extract, not of the world.
/// </summary>
public static class RunWarnings
{
    /// <summary>
    /// Fewer reporters than this in a year's trade basis is "far from world coverage": BACI and Comtrade's full releases
    /// hold 200 or more reporting economies a year, and a basis of 150 still holds well over nine tenths of world trade;
    /// an extract of a few reporters holds a few dozen at most.
    /// </summary>
    public const int WorldReporters = 150;

    public static List<string> From(DuckDBConnection c)
    {
        var warnings = new List<string>();
        if (!Exists(c, "marts", "cluster_coverage")) return warnings;
        var tradeLoaded = Exists(c, "intermediate", "int_trade_world") && c.Scalar<long>("SELECT count(*) FROM intermediate.int_trade_world") > 0;
        foreach (var r in c.Rows("""
                     SELECT cluster_id, hs_codes, hs_codes_matched, fao_items, fao_items_with_production, scian_codes, denue_establishments
                     FROM marts.cluster_coverage ORDER BY cluster_id
                     """))
        {
            var id = (string)r[0]!;
            if (tradeLoaded && Convert.ToInt64(r[1]) > 0 && Convert.ToInt64(r[2]) == 0)
                warnings.Add($"cluster {id}: none of its HS codes matches the trade data loaded; its trade indicators are empty " +
                             "(see marts.cluster_coverage)");
            if (Convert.ToInt64(r[3]) > 0 && Convert.ToInt64(r[4]) == 0)
                warnings.Add($"cluster {id}: none of its FAO items has production data for its country (see marts.cluster_coverage)");
            if (Convert.ToInt64(r[5]) > 0 && Convert.ToInt64(r[6]) == 0)
                warnings.Add($"cluster {id}: its SCIAN codes select no DENUE establishment in its regions (see marts.cluster_coverage)");
        }
        if (!tradeLoaded) return warnings;
        var thin = c.Rows($"""
            SELECT min(year), max(year), count(*), min(basis_reporters), max(basis_reporters)
            FROM intermediate.int_trade_world WHERE basis_reporters < {WorldReporters}
            """).Single();
        if (Convert.ToInt64(thin[2]) > 0)
            warnings.Add($"the trade basis of {Years(thin[0], thin[1], thin[2])} holds {Range(thin[3], thin[4])} reporters (world-wide data " +
                         $"hold 200 or more; fewer than {WorldReporters} is far from it): world shares, RCA and world ranks are relative to " +
                         "the data loaded, not to the world (basis_reporters and basis_partners in marts.cluster_exports)");
        return warnings;
    }

    static string Years(object? first, object? last, object? count) =>
        Equals(first, last) ? $"{first}" : $"{count} year(s) in {first}-{last}";

    static string Range(object? min, object? max) => Equals(min, max) ? $"{min}" : $"{min}-{max}";

    static bool Exists(DuckDBConnection c, string schema, string name) =>
        c.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2", schema, name) +
        c.Scalar<long>("SELECT count(*) FROM duckdb_views() WHERE schema_name = $1 AND view_name = $2", schema, name) > 0;
}
