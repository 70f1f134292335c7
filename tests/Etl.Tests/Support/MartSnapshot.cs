using System.Globalization;
using System.Text;
using ClusterEtl.Transforms.Kernel;
using CsvHelper;

namespace ClusterEtl.Tests.Support;

/// <summary>
/// Every mart of a warehouse against CSV snapshots committed under <c>tests/Etl.Tests/Warehouse/Snapshots/</c> (one file per
/// mart, rows in ORDER BY ALL order, as DuckDB writes CSV): text must match, numbers to 1e-9 relative. Set
/// <c>CLUSTERETL_UPDATE_SNAPSHOTS=1</c> to rewrite the snapshots from the warehouse when a change of the numbers is
/// intended; the diff of the CSVs then shows what changed, for review.
/// </summary>
public static class MartSnapshot
{
    public static string Folder(string name) => Path.Combine(Repo.Root, "tests", "Etl.Tests", "Warehouse", "Snapshots", name);

    /// <returns>The differences found (empty: the marts are those of the snapshot).</returns>
    public static IReadOnlyList<string> Compare(string warehouse, string snapshot, string workDir)
    {
        var current = Path.Combine(workDir, "marts-csv");
        Dump(warehouse, current);
        if (Environment.GetEnvironmentVariable("CLUSTERETL_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(snapshot);
            foreach (var f in Directory.GetFiles(snapshot, "*.csv")) File.Delete(f);
            foreach (var f in Directory.GetFiles(current, "*.csv")) File.Copy(f, Path.Combine(snapshot, Path.GetFileName(f)));
            return [];
        }
        var problems = new List<string>();
        var names = Directory.GetFiles(snapshot, "*.csv").Select(Path.GetFileName)
            .Union(Directory.GetFiles(current, "*.csv").Select(Path.GetFileName)).OfType<string>().Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var expected = Path.Combine(snapshot, name);
            var actual = Path.Combine(current, name);
            if (!File.Exists(expected) || !File.Exists(actual))
            {
                problems.Add($"{name}: {(File.Exists(expected) ? "no longer built" : "not in the snapshot")}");
                continue;
            }
            var (eh, er) = Read(expected);
            var (ah, ar) = Read(actual);
            if (!eh.SequenceEqual(ah)) problems.Add($"{name}: columns {string.Join(",", eh)} became {string.Join(",", ah)}");
            if (er.Count != ar.Count) problems.Add($"{name}: {er.Count} rows became {ar.Count}");
            for (var r = 0; r < Math.Min(er.Count, ar.Count); r++)
            for (var k = 0; k < Math.Min(eh.Length, Math.Min(er[r].Length, ar[r].Length)); k++)
                if (!Same(er[r][k], ar[r][k]))
                    problems.Add($"{name} row {r + 1} ({string.Join(",", er[r].Take(2))}) {eh[k]}: {er[r][k]} became {ar[r][k]}");
        }
        return problems;
    }

    /// <summary>The marts of two warehouses, row for row and value for value (no tolerance).</summary>
    public static IReadOnlyList<string> CompareWarehouses(string expected, string actual, string workDir)
    {
        var (a, b) = (Path.Combine(workDir, "expected"), Path.Combine(workDir, "actual"));
        Dump(expected, a);
        Dump(actual, b);
        return Directory.GetFiles(a).Select(Path.GetFileName).Union(Directory.GetFiles(b).Select(Path.GetFileName)).OfType<string>()
            .Where(n => !File.Exists(Path.Combine(a, n)) || !File.Exists(Path.Combine(b, n)) ||
                        File.ReadAllText(Path.Combine(a, n)) != File.ReadAllText(Path.Combine(b, n)))
            .Select(n => $"{n} differs").ToList();
    }

    static void Dump(string warehouse, string folder)
    {
        Directory.CreateDirectory(folder);
        using var c = DuckDb.Open(warehouse, readOnly: true);
        foreach (var t in c.Rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' ORDER BY 1").Select(r => (string)r[0]!))
            c.Execute($"COPY (SELECT * FROM marts.{t} ORDER BY ALL) TO {DuckDb.Literal(Path.Combine(folder, t + ".csv"))} (HEADER)");
    }

    static bool Same(string a, string b)
    {
        if (a == b) return true;
        if (!double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ||
            !double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)) return false;
        return Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));
    }

    static (string[] Header, List<string[]> Rows) Read(string file)
    {
        using var csv = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(File.ReadAllText(file))),
            new CsvReaderOptions { HasHeader = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return (csv.Headers.ToArray(), rows);
    }
}
