using System.Globalization;
using ClusterEtl.Transforms.Pipeline;
using CsvHelper;

namespace ClusterEtl.Transforms.Reference;

/// <summary>An INEGI geographic unit: a state (2-digit key) or a municipality (5-digit key).</summary>
public sealed record MxGeo(string InegiKey, string Level, string Name, string StateKey);

/// <summary>A SCIAN activity and its parent, so a 3- or 4-digit code selects its children.</summary>
public sealed record ScianCode(string Code, string TitleEs, string? ParentCode, string? Note);

/// <summary>
/// Mexico's reference: INEGI states (and municipalities as they are added) in <c>pipelines/reference/mx_geo.csv</c>,
/// SCIAN codes with their hierarchy in <c>pipelines/reference/scian.csv</c>. Keys are text (leading zeros).
/// </summary>
public sealed class MexicoReference
{
    public const string GeoFile = "mx_geo.csv";
    public const string ScianFile = "scian.csv";

    public required IReadOnlyList<MxGeo> Geo { get; init; }
    public required IReadOnlyList<ScianCode> Scian { get; init; }

    public static MexicoReference? LoadFrom(string pipelinesDir)
    {
        var geo = Path.Combine(pipelinesDir, "reference", GeoFile);
        var scian = Path.Combine(pipelinesDir, "reference", ScianFile);
        if (!File.Exists(geo) || !File.Exists(scian)) return null;
        return new MexicoReference
        {
            Geo = Read(geo, ["inegi_key", "level", "name", "state_key"], g => new MxGeo(g[0]!, g[1]!, g[2]!, g[3]!)),
            Scian = Read(scian, ["code", "title_es", "parent_code", "note"], s => new ScianCode(s[0]!, s[1]!, s[2], s[3])),
        };
    }

    public bool IsKnownState(string key) => Geo.Any(g => g.Level == "state" && g.InegiKey == key);
    /// <summary>Whether the reference lists the municipalities of a state (the states of the shipped clusters do).</summary>
    public bool HasMunicipalities(string stateKey) => Geo.Any(g => g.Level == "municipality" && g.StateKey == stateKey);
    public bool IsKnownMunicipality(string key) => Geo.Any(g => g.Level == "municipality" && g.InegiKey == key);
    public IReadOnlyList<string> ClosestMunicipalities(string key)
    {
        var inState = Geo.Where(g => g.Level == "municipality" && g.StateKey == key[..2]).ToList();
        return TextDistance.Closest(key, inState.Select(g => g.InegiKey))
            .Select(k => $"{k} {inState.First(g => g.InegiKey == k).Name}").ToList();
    }
    public bool IsKnownScian(string code) => Scian.Any(s => s.Code == code);
    public IReadOnlyList<string> ClosestScian(string code) => TextDistance.Closest(code, Scian.Select(s => s.Code));

    /// <summary>The code and every code below it in the hierarchy.</summary>
    public IReadOnlyList<string> WithDescendants(string code)
    {
        var result = new List<string> { code };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(Scian.Where(s => s.ParentCode == result[i]).Select(s => s.Code));
        return result;
    }

    static List<T> Read<T>(string file, string[] columns, Func<string?[], T> make)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvReader.Create(File.OpenRead(file), options, leaveOpen: false);
        var index = columns.Select(c => csv.TryGetFieldIndex(c, out var i) ? i
            : throw new PipelineException("validate", $"missing column '{c}'", "Restore the reference file's header.", file: file, line: 1, column: c)).ToArray();
        var list = new List<T>();
        while (csv.Read()) list.Add(make(index.Select(i => csv.GetString(i) is { Length: > 0 } s ? s : null).ToArray()));
        return list;
    }
}
