using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Reference;
using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// The seeds, <c>sql/seeds/*.sql</c>: one file per table, creating it, filling it and documenting it. A seed reads its
/// reference file with DuckDB's <c>read_csv</c>, naming it <c>{{ reference_file('countries.csv') }}</c>: the runner puts the
/// file's path in <c>pipelines/reference/</c> there (the <c>.gz</c> when only it exists, see <see cref="ReferenceFiles"/>),
/// so the pipelines folder may lie anywhere. A statement naming a file the folder does not hold is skipped: its table stays
/// empty. Files run in name order.
/// </summary>
public sealed partial class ReferenceSeeds(string sqlDir, string pipelinesDir)
{
    public IReadOnlyList<string> Files
    {
        get
        {
            var dir = Path.Combine(sqlDir, "seeds");
            return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.sql").Order(StringComparer.Ordinal).ToList() : [];
        }
    }

    /// <summary>Runs every seed; a failing one stops the build naming its file.</summary>
    public void RunAll(DuckDBConnection c)
    {
        foreach (var file in Files)
        {
            try
            {
                Run(c, file);
            }
            catch (DuckDBException e)
            {
                throw new PipelineException("transform", e.Message.ReplaceLineEndings(" "), "Fix the seed's SQL or its reference file.", file: file, inner: e);
            }
        }
    }

    /// <summary>Runs the statements of one seed file, its reference files' paths filled in.</summary>
    public void Run(DuckDBConnection c, string file)
    {
        foreach (var statement in SqlText.Statements(File.ReadAllText(file)))
        {
            var missing = false;
            var sql = ReferenceFile().Replace(statement, m =>
            {
                var path = ReferenceFiles.Find(pipelinesDir, m.Groups[1].Value);
                missing |= path is null;
                return DuckDb.Literal((path ?? "").Replace('\\', '/'));
            });
            if (!missing) c.Execute(sql);
        }
    }

    [GeneratedRegex(@"\{\{\s*reference_file\(\s*'([^']+)'\s*\)\s*\}\}")]
    private static partial Regex ReferenceFile();
}
