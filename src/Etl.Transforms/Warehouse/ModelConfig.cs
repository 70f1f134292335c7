using System.Globalization;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// How a model is built, from the <c>-- config:</c> line at the top of its file (dbt's <c>config()</c>), e.g.
/// <c>-- config: materialized=view</c> or <c>-- config: partition_by=year, lookback_years=5</c>.
/// </summary>
/// <param name="Materialized">table (default) or view.</param>
/// <param name="PartitionBy">
/// A year column: the model is rebuilt year by year. Declaring it promises that the rows of year <c>y</c> read only
/// the years <c>y - lookback_years .. y</c> of the year-partitioned models and lake tables the model reads (and
/// anything of the others), so a refresh that changes some years rebuilds those years and the ones that look back
/// at them, not the whole table. Null: any change of an input rebuilds the whole model.
/// </param>
/// <param name="LookbackYears">How many years back a year's rows read (growth 1, 5-year CAGR 5, ...).</param>
/// <param name="LookbackSetting">The warehouse setting giving the lookback instead of a number (decomposition_window_years).</param>
/// <param name="Computed">The C# computation that writes the table (<see cref="IComputedModel"/>); the query is then its input.</param>
public sealed partial record ModelConfig(Materialization Materialized, string? PartitionBy, int LookbackYears, string? LookbackSetting,
    string? Computed = null)
{
    public static readonly ModelConfig Default = new(Materialization.Table, null, 0, null);

    /// <summary>The lookback in years, reading a setting when the config names one.</summary>
    public int Lookback(IReadOnlyDictionary<string, string> settings) =>
        LookbackSetting is null ? LookbackYears
        : settings.TryGetValue(LookbackSetting, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? Math.Max(n, LookbackYears) : throw new InvalidOperationException($"setting {LookbackSetting} is not an integer");

    /// <summary>Text that changes whenever the config does (part of the model's hash).</summary>
    public override string ToString() =>
        $"materialized={Materialized.ToString().ToLowerInvariant()}, partition_by={PartitionBy ?? "-"}, lookback_years={LookbackSetting ?? LookbackYears.ToString(CultureInfo.InvariantCulture)}" +
        (Computed is null ? "" : $", computed={Computed}:{ComputedModels.Find(Computed)?.Version}");

    /// <summary>Reads the <c>-- config:</c> lines of a model file (none: a table rebuilt whole).</summary>
    public static ModelConfig Parse(string sql, string file)
    {
        var config = Default;
        foreach (Match line in ConfigLine().Matches(sql))
        foreach (var part in line.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = kv.Length == 2 ? kv[1] : "";
            config = kv[0] switch
            {
                "materialized" when value is "table" => config with { Materialized = Materialization.Table },
                "materialized" when value is "view" => config with { Materialized = Materialization.View },
                "partition_by" when Identifier().IsMatch(value) => config with { PartitionBy = value },
                "lookback_years" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) =>
                    config with { LookbackYears = n },
                "lookback_years" when Identifier().IsMatch(value) => config with { LookbackSetting = value },
                "computed" when ComputedModels.Find(value) is not null => config with { Computed = value },
                _ => throw new PipelineException("transform", $"config entry '{part}' is not understood",
                    "Use -- config: materialized=table|view, partition_by=<year column>, lookback_years=<n or setting name>, " +
                    $"computed=<{string.Join("|", ComputedModels.Names)}>.", file: file),
            };
        }
        if (config.PartitionBy is null && (config.LookbackYears != 0 || config.LookbackSetting is not null))
            throw new PipelineException("transform", "lookback_years needs partition_by",
                "Add partition_by=<year column> or remove lookback_years.", file: file);
        if (config.Computed is not null && config.Materialized == Materialization.View)
            throw new PipelineException("transform", "a computed model is a table", "Remove materialized=view.", file: file);
        return config;
    }

    [GeneratedRegex(@"^--\s*config:\s*(.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ConfigLine();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
