using DuckDB.NET.Data;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// A model whose rows are computed in C# rather than by its query (<c>-- config: computed=&lt;name&gt;</c>): its SQL file
/// holds the <em>input</em> query (so the runner knows what it reads, orders it and recomputes it like any model) and the
/// COMMENT ON statements of the table it writes, whose columns are <see cref="Columns"/>. For a year-partitioned model the
/// runner calls <see cref="Compute"/> once per year, with the input query narrowed to that year.
/// </summary>
public interface IComputedModel
{
    /// <summary>The name in the config line.</summary>
    string Name { get; }

    /// <summary>Changes whenever the computation does: part of the model's hash, so a new version rebuilds the table.</summary>
    string Version { get; }

    /// <summary>The columns of the table written, in order: name and DuckDB type.</summary>
    IReadOnlyList<(string Name, string Type)> Columns { get; }

    /// <summary>Reads the rows of <paramref name="input"/> (a query), computes, and appends the results to the table
    /// <paramref name="schema"/>.<paramref name="table"/> (created by the runner with <see cref="Columns"/>).</summary>
    void Compute(DuckDBConnection c, string input, string schema, string table);
}
