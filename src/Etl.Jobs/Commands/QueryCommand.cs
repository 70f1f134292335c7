using System.CommandLine;
using System.Globalization;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>query SQL</c>: one read-only query on the published warehouse, printed as tab-separated text with a header, for a
/// machine without DuckDB's own command line. The flows are there too, read from the lake through the views
/// (<c>staging.stg_trade_flows</c>).
/// </summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("SQL") { Description = "One query, in quotes, e.g. \"SELECT * FROM marts.cluster_exports LIMIT 5\"" };
        var data = CommonOptions.DataDir();
        var command = new Command("query", "Run one read-only SQL query on the published warehouse and print the rows (tab-separated)")
        {
            sql, data,
        };
        command.SetAction(p => Run(p.GetValue(sql)!, new DataLayout(p.GetValue(data)!), Console.Out));
        return command;
    }

    public static int Run(string sql, DataLayout layout, TextWriter output)
    {
        if (!File.Exists(layout.WarehouseFile))
            throw new PipelineException("query", $"no published warehouse in {layout.DataDir}", "Run `run` first, or pass --data-dir.");
        using var c = DuckDb.Open(layout.WarehouseFile, readOnly: true);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        try
        {
            using var r = cmd.ExecuteReader();
            output.WriteLine(string.Join('\t', Enumerable.Range(0, r.FieldCount).Select(r.GetName)));
            while (r.Read())
                output.WriteLine(string.Join('\t', Enumerable.Range(0, r.FieldCount)
                    .Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new PipelineException("query", e.Message.ReplaceLineEndings(" "), "Fix the query (the warehouse is opened read-only).");
        }
        return 0;
    }
}
