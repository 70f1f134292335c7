using CsvHelper;
using ClusterEtl.Transforms.Connectors.Shared;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// What FAOSTAT's observation flags mean. The current list and the older releases' flags are built in; a flags
/// sidecar in a bulk zip (<c>"Flag","Description"</c>) or the web download's Flag Description column, when present,
/// says it in the release's own words and wins. An empty flag is an official figure.
/// </summary>
public sealed class FaostatFlags
{
    static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [""] = "Official figure",
        ["A"] = "Official figure",
        ["B"] = "Time series break",
        ["C"] = "Aggregate, may include official, semi-official, estimated or calculated data",
        ["E"] = "Estimated value",
        ["F"] = "Forecast value",
        ["G"] = "Experimental value",
        ["I"] = "Imputed value",
        ["L"] = "Missing value; data exist but were not collected",
        ["M"] = "Missing value (data cannot exist, not applicable)",
        ["N"] = "Not significant (negligible)",
        ["O"] = "Missing value",
        ["P"] = "Provisional value",
        ["Q"] = "Missing value; suppressed",
        ["T"] = "Unofficial figure",
        ["U"] = "Low reliability",
        ["V"] = "Unvalidated value",
        ["X"] = "Figure from international organizations",
        // Older releases
        ["*"] = "Unofficial figure",
        ["Fc"] = "Calculated data",
        ["Im"] = "FAO data based on imputation methodology",
        ["Cs"] = "Calculated share",
        ["Fb"] = "Data obtained as a balance",
        ["Fm"] = "Manual estimation",
        ["R"] = "Estimated data using trading partners database",
        ["S"] = "Standardized data",
    };

    readonly Dictionary<string, string> _meanings = new(Known, StringComparer.Ordinal);

    /// <summary>The meaning of a flag, or null when neither the release nor the built-in list knows it.</summary>
    public string? Meaning(string flag) => _meanings.GetValueOrDefault(flag);

    /// <summary>Adds the meanings of a release's flags sidecar (UTF-8 bytes).</summary>
    public void ReadSidecar(Stream utf8)
    {
        using var csv = CsvReader.Create(utf8, CsvDefaults.Options, leaveOpen: false);
        while (csv.Read())
        {
            if (csv.FieldCount < 2) continue;
            var flag = csv.GetString(0).Trim();
            var description = csv.GetString(1).Trim();
            if (description.Length > 0) _meanings[flag] = description;
        }
    }

    public int Count => _meanings.Count;
}
