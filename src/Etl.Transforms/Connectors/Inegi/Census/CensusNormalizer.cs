using System.Globalization;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;
using CsvHelper;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Inegi.Census;

/// <summary>
/// Reads a Censos Económicos export of INEGI's SAIC (<c>SAIC_Exporta_*.csv</c>, or a zip of them) into
/// <c>census_units</c>: title rows before the <c>Año Censal</c> header are skipped, codes are taken out of the
/// labels, totals ("Total nacional", "Total …") are flagged, and the measures UE, H001A, A111A and A131A are found
/// by their codes. A cell withheld for confidentiality (blank, or marked C / ND / *) is null with
/// <c>suppressed</c> set, never zero. Notes after the data are skipped.
/// </summary>
public sealed class CensusNormalizer
{
    static readonly ILogger Log = Serilog.Log.ForContext<CensusNormalizer>();
    const int MaxTitleRows = 20;

    public static string Version => "inegi_census/1";

    /// <summary>Marks SAIC uses for a confidential cell (besides a blank one).</summary>
    public static readonly string[] ConfidentialMarks = ["C", "ND", "N.D.", "*"];

    /// <summary>The measures read, by their SAIC variable code (first word of the header).</summary>
    static readonly (string Code, string Meaning)[] Measures =
    [
        ("ue", "UE Unidades económicas"), ("h001a", "H001A Personal ocupado total"),
        ("a111a", "A111A Producción bruta total (millones de pesos)"), ("a131a", "A131A Valor agregado censal bruto (millones de pesos)"),
    ];

    public async Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct)
    {
        var source = context.Source;
        var data = context.Data;
        var mexico = context.Definitions?.Mexico ?? throw new PipelineException("normalize",
            "the Mexico reference (pipelines/reference/mx_geo.csv) is missing", "Restore the reference files.", source.Id);
        using var opened = new OpenedFiles();
        var files = InegiDownload.Open(data.Path, data.Display, source.Id,
            n => n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase), opened.Items, out var seen);
        if (files.Count == 0)
            throw new PipelineException("normalize", $"no CSV in the download; files seen: {string.Join(", ", seen)}",
                "Point 'location' at a SAIC export (SAIC_Exporta_*.csv).", source.Id, data.Display);
        var quarantine = new QuarantineWriter(source.Id, context.ExtractId);
        long rows = 0;
        var years = new SortedSet<int>();
        await using (var writer = new LakeTableWriter<CensusUnit, CensusUnitColumns>(context.OutputRoot, CensusUnitColumns.Table, source.Id,
                         () => new CensusUnitColumns(context.ExtractId)))
        {
            foreach (var file in files)
                rows += await ReadFileAsync(context, file, mexico, writer, quarantine, years, ct);
        }
        await quarantine.FinishAsync(context.QuarantineRoot, source, rows, "the SAIC export holds no data rows",
            "Export the query again from SAIC (CSV) with at least one row.", data.Display, ct);
        return new NormalizeResult(rows, quarantine.Count, years.ToList(), "", files.Select(f => f.DisplayName).ToList());
    }

    static async Task<long> ReadFileAsync(NormalizeContext context, InegiFile file, MexicoReference mexico,
        LakeTableWriter<CensusUnit, CensusUnitColumns> writer, QuarantineWriter quarantine, SortedSet<int> years, CancellationToken ct)
    {
        var source = context.Source;
        var encoding = (source.Options as InegiCsvOptions ?? new(null)).EncodingOf(file.Open);
        using var csv = CsvDefaults.Open(file.Open, hasHeader: false, encoding);
        Dictionary<string, int>? index = null;
        int[] measures = [];
        long written = 0, notes = 0;
        while (await csv.ReadAsync(ct))
        {
            if (index is null)
            {
                if (IsHeader(csv))
                {
                    (index, measures) = MapHeader(csv);
                    Log.Information("{Source}: {File} ({Encoding}): header on line {Line}", source.Id, file.Name, encoding.Name,
                        csv.LineNumber);
                }
                else if (csv.LineNumber >= MaxTitleRows)
                {
                    throw new PipelineException("normalize",
                        $"no header row starting with 'Año Censal' in the first {MaxTitleRows} lines",
                        "Export the query from SAIC as CSV (title rows, then the header 'Año Censal, Entidad, …').",
                        source.Id, file.DisplayName, csv.LineNumber);
                }
                continue;
            }
            var yearText = Cell(0);
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
            {
                if (Enumerable.Range(1, Math.Max(0, csv.FieldCount - 1)).All(i => csv.GetString(i).Trim().Length == 0))
                {
                    notes++; // a note or source line after the data ("Fuente: INEGI …")
                    continue;
                }
                Quarantine("año censal", $"'{yearText}' is not a census year");
                continue;
            }
            if (Parse(year) is not { } unit) continue;
            years.Add(year);
            await writer.WriteAsync(unit, ct);
            written++;
        }
        if (index is null)
            throw new PipelineException("normalize", "no header row starting with 'Año Censal'",
                "Export the query from SAIC as CSV.", source.Id, file.DisplayName, 1);
        Log.Information("{Source}: {File} read, {Rows:N0} rows, {Notes} note line(s) skipped", source.Id, file.Name, written, notes);
        return written;

        string Cell(int i) => i < csv.FieldCount ? csv.GetString(i).Trim() : "";

        CensusUnit? Parse(int year)
        {
            var entity = Cell(index["entidad"]);
            string stateKey, stateName, level;
            var isTotal = false;
            if (CensusLabels.IsTotal(entity))
            {
                (stateKey, stateName, level, isTotal) = ("00", entity, "national", true);
            }
            else if (CensusLabels.Area(entity, 2) is { } state && mexico.IsKnownState(state.Key))
            {
                (stateKey, stateName, level) = (state.Key, state.Name, "state");
            }
            else
            {
                return Fail("entidad", $"'{entity}' is not a state with its INEGI key (e.g. '21 Puebla') nor 'Total nacional'");
            }
            string? municipalityKey = null, municipalityName = null;
            var municipality = index.TryGetValue("municipio", out var mi) ? Cell(mi) : "";
            if (CensusLabels.IsTotal(municipality))
            {
                isTotal = true;
            }
            else if (municipality.Length > 0)
            {
                if (level == "national" || CensusLabels.Area(municipality, 3) is not { } mun)
                    return Fail("municipio", $"'{municipality}' is not a municipality with its INEGI key (e.g. '114 Puebla')");
                (municipalityKey, municipalityName, level) = (stateKey + mun.Key, mun.Name, "municipality");
            }
            var activityLabel = Cell(index["actividad económica"]);
            CensusActivity? activity = null;
            if (CensusLabels.IsTotal(activityLabel)) isTotal = true;
            else if ((activity = CensusLabels.Activity(activityLabel)) is null)
                return Fail("actividad económica",
                    $"'{activityLabel}' holds no SCIAN code (e.g. 'Subsector 337 Fabricación de muebles …') and is not a total");

            var values = new double?[measures.Length];
            var withheld = new List<string>();
            for (var m = 0; m < measures.Length; m++)
            {
                var text = Cell(measures[m]);
                if (text.Length == 0 || ConfidentialMarks.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    withheld.Add(Measures[m].Code.ToUpperInvariant());
                    continue;
                }
                if (!double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v)
                    || !double.IsFinite(v) || (m < 2 && v != Math.Floor(v)))
                    return Fail(Measures[m].Meaning, $"'{text}' is not a {(m < 2 ? "count" : "value in millions of pesos")} " +
                                                     $"nor a confidentiality mark (blank, {string.Join(", ", ConfidentialMarks)})");
                values[m] = v;
            }
            var stratum = index.TryGetValue("estrato", out var si) && Cell(si) is { Length: > 0 } s ? s : null;
            return new CensusUnit(year, stateKey, stateName, municipalityKey, municipalityName, level, stratum, activity?.Code,
                activity?.Level, activityLabel, isTotal, (long?)values[0], (long?)values[1], values[2], values[3], withheld.Count > 0,
                withheld.Count > 0 ? string.Join(",", withheld) : null);
        }

        CensusUnit? Fail(string column, string reason)
        {
            Quarantine(column, reason);
            return null;
        }

        void Quarantine(string column, string reason) =>
            quarantine.Add(new QuarantinedRow(file.DisplayName, csv.LineNumber, column, reason, CsvDefaults.RawRecord(csv)));

        (Dictionary<string, int>, int[]) MapHeader(CsvReader reader)
        {
            var names = Enumerable.Range(0, reader.FieldCount).Select(i => CsvDefaults.NormalizeName(reader.GetString(i))).ToList();
            var map = new Dictionary<string, int>();
            for (var i = 0; i < names.Count; i++) map.TryAdd(names[i], i);
            foreach (var required in new[] { "entidad", "actividad económica" })
                if (!map.ContainsKey(required))
                    throw new PipelineException("normalize", $"missing SAIC column '{required}' (header: {string.Join(", ", names)})",
                        "Export the query with the Entidad and Actividad económica dimensions.", source.Id, file.DisplayName,
                        reader.LineNumber, required);
            var found = Measures.Select(m => names.FindIndex(n => n.Split(' ')[0] == m.Code)).ToArray();
            for (var m = 0; m < Measures.Length; m++)
                if (found[m] < 0)
                    throw new PipelineException("normalize", $"missing SAIC variable '{Measures[m].Meaning}'",
                        "Add the variables UE, H001A, A111A and A131A to the SAIC query and export it again.", source.Id,
                        file.DisplayName, reader.LineNumber, Measures[m].Meaning);
            return (map, found);
        }
    }

    static bool IsHeader(CsvReader csv)
    {
        var first = CsvDefaults.NormalizeName(csv.GetString(0));
        return first is "año censal" or "ano censal";
    }
}
