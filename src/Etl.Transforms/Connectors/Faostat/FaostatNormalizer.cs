using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using CsvHelper;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// Streams FAOSTAT files, whatever their layout (bulk normalized, bulk wide, web download, Detailed Trade Matrix), into
/// <c>fao_observations</c> and <c>fao_trade_matrix</c>: encoding detected per file, codes cleaned of their apostrophe,
/// areas and items resolved through the reference data, units standardised with the original kept, flags kept with
/// their meaning, exact duplicate observations dropped and counted. A row that cannot be read goes to quarantine
/// with file, line, column and reason; too many of them fail the source.
/// </summary>
public sealed class FaostatNormalizer(FaostatReference reference)
{
    static readonly ILogger Log = Serilog.Log.ForContext<FaostatNormalizer>();
    const long ProgressEvery = 500_000;

    public static string Version => "faostat/1";

    static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    sealed class Run(SourceDefinition source, string extractId, string outputRoot, QuarantineWriter quarantine, (int First, int Last)? years)
    {
        public readonly SourceDefinition Source = source;
        public readonly QuarantineWriter Quarantine = quarantine;
        public readonly (int First, int Last)? Years = years;
        public readonly FaostatFlags Flags = new();
        public readonly HashSet<UInt128> Seen = [];
        public readonly LakeTableWriter<FaoObservation, FaoObservationColumns> Observations =
            new(outputRoot, FaostatTables.ObservationsTable, source.Id, () => new FaoObservationColumns(extractId));
        public readonly LakeTableWriter<FaoTradeMatrixRow, FaoTradeMatrixColumns> TradeMatrix =
            new(outputRoot, FaostatTables.TradeMatrixTable, source.Id, () => new FaoTradeMatrixColumns(extractId));
        public long Duplicates, Outside, UnknownFlags;
    }

    /// <param name="inputs">The pulled files (full path, path as shown), in the order to read them.</param>
    /// <param name="domain">The domain of files that carry no Domain Code column and whose name does not tell it.</param>
    public async Task<FaostatResult> NormalizeAsync(SourceDefinition source, IReadOnlyList<(string Path, string Display)> inputs,
        string? domain, string extractId, string outputRoot, string quarantineRoot, CancellationToken ct, (int First, int Last)? years = null)
    {
        using var opened = new OpenedFiles();
        var files = FaostatFiles.Open(inputs, source.Id, opened.Items);
        var selection = FaostatFiles.Select(files, source.Id);
        if (selection.Data.Count == 0)
            throw new PipelineException("normalize",
                $"no FAOSTAT data file found; files seen: {(files.Count == 0 ? "none" : string.Join(", ", files.Select(f => $"{f.Name} ({FaostatLayout.Describe(f.Layout.Kind)})")))}",
                "Point 'location' at a FAOSTAT bulk zip, a data CSV or a folder of them.", source.Id, inputs.FirstOrDefault().Display);

        var run = new Run(source, extractId, outputRoot, new QuarantineWriter(source.Id, extractId), years);
        var encodings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var flags in selection.Flags)
        {
            var encoding = TextEncodings.Detect(flags.Open);
            run.Flags.ReadSidecar(TextEncodings.OpenUtf8(flags.Open, encoding));
            encodings[flags.Display] = encoding.Name;
        }
        long observations, matrixRows;
        IReadOnlyList<int> written;
        await using (run.Observations)
        await using (run.TradeMatrix)
        {
            foreach (var file in selection.Data)
            {
                var encoding = TextEncodings.Detect(file.Open);
                encodings[file.Display] = encoding.Name;
                Log.Information("{Source}: reading {File} ({Layout}, {Encoding})", source.Id, file.Display, file.Layout.Label, encoding.Name);
                await ReadFileAsync(run, file, encoding, FileDomain(source, file, domain), ct);
            }
            observations = run.Observations.Rows;
            matrixRows = run.TradeMatrix.Rows;
            written = run.Observations.Years.Concat(run.TradeMatrix.Years).Distinct().Order().ToList();
        }
        await run.Quarantine.WriteAsync(quarantineRoot, ct);

        if (run.Duplicates > 0)
            Log.Warning("{Source}: {Duplicates:N0} exact duplicate observation(s) dropped", source.Id, run.Duplicates);
        if (reference.UnknownItems.Count > 0)
            Log.Warning("{Source}: items not in fao_items.csv kept (item_in_reference false): {Items}", source.Id,
                string.Join(", ", reference.UnknownItems.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key} {i.Value:N0} rows")));
        if (run.UnknownFlags > 0)
            Log.Warning("{Source}: {Rows:N0} observation(s) carry a flag of unknown meaning (flag_meaning NULL)", source.Id, run.UnknownFlags);
        var total = observations + matrixRows + run.Quarantine.Count;
        if (total == 0 && run.Outside == 0 && run.Duplicates == 0)
            throw new PipelineException("normalize", "the FAOSTAT files hold no data rows",
                "Check that the download is complete.", source.Id, selection.Data[0].Display);
        run.Quarantine.EnforceShare(source, total);
        return new FaostatResult(observations, matrixRows, run.Quarantine.Count, run.Duplicates, run.Outside, written,
            selection.Data.Select(d => d.Display).ToList(), encodings,
            new Dictionary<string, long>(reference.UnknownItems), run.UnknownFlags);
    }

    /// <summary>The domain of a file's rows: null when the file says it on every row (Domain Code).</summary>
    static string? FileDomain(SourceDefinition source, FaostatFile file, string? configured)
    {
        if (file.Layout.DomainCode >= 0) return null;
        return configured
               ?? FaostatFiles.DomainFromName(file.Name)
               ?? (file.Layout.Kind == FaostatLayoutKind.TradeMatrix ? "TM" : null)
               ?? (file.Layout.MonthsCode >= 0 || file.Layout.Months >= 0 ? "PP" : null)
               ?? throw new PipelineException("normalize",
                   $"cannot tell the FAOSTAT domain of {file.Name}: it has no Domain Code column and its name is not a bulk file name",
                   $"Set options.domain (e.g. \"QCL\") in {source.DefinitionFile}.", source.Id, file.Display, 1);
    }

    async Task ReadFileAsync(Run run, FaostatFile file, DetectedEncoding encoding, string? fileDomain, CancellationToken ct)
    {
        var columns = file.Layout;
        var isWide = columns.Kind is FaostatLayoutKind.Wide or FaostatLayoutKind.WideNoFlag;
        var isMatrix = columns.Kind == FaostatLayoutKind.TradeMatrix;
        var minFields = columns.Header.Count;
        long read = 0;
        await using var stream = TextEncodings.OpenUtf8(file.Open, encoding);
        using var csv = CsvReader.Create(stream, CsvDefaults.Options, leaveOpen: false);
        try
        {
            while (await csv.ReadAsync(ct))
            {
                read++;
                if (read % ProgressEvery == 0)
                    Log.Information("{Source}: {Rows:N0} rows read from {File} (line {Line:N0})", run.Source.Id, read, file.Name, csv.LineNumber);
                if (csv.FieldCount != minFields)
                {
                    Quarantine(null, $"expected {minFields} fields as in the header, found {csv.FieldCount}");
                    continue;
                }
                var domain = fileDomain ?? Text(columns.DomainCode);
                if (domain.Length == 0)
                {
                    Quarantine(columns.Name(columns.DomainCode), "no domain code");
                    continue;
                }
                var item = ItemOf(out var itemProblem);
                if (item is null)
                {
                    Quarantine(columns.Name(columns.ItemCpc >= 0 && columns.ItemFao < 0 ? columns.ItemCpc : columns.ItemFao), itemProblem!);
                    continue;
                }
                if (!int.TryParse(Text(columns.ElementCode), NumberStyles.None, CultureInfo.InvariantCulture, out var elementCode))
                {
                    Quarantine(columns.Name(columns.ElementCode), $"'{Text(columns.ElementCode)}' is not an element code (a number)");
                    continue;
                }
                var unit = Text(columns.Unit);
                var measure = new FaoMeasure
                {
                    Domain = domain, Item = item, ElementCode = elementCode, Element = Text(columns.Element), Unit = unit,
                    Standard = FaostatUnits.Standard(elementCode, unit), Layout = columns.Label, File = file.Display,
                };

                if (isMatrix)
                {
                    if (!Area(columns.ReporterFao, columns.ReporterM49, columns.Reporter, "reporter", out var reporter) ||
                        !Area(columns.PartnerFao, columns.PartnerM49, columns.Partner, "partner", out var partner) ||
                        !Year(ref measure) || !Value(columns.Value, ref measure) || !Flag(columns.Flag, columns.FlagDescription, columns.Note, ref measure) ||
                        !Keep(measure, $"{reporter.CodeFao}|{reporter.CodeM49}|{partner.CodeFao}|{partner.CodeM49}"))
                        continue;
                    await run.TradeMatrix.WriteAsync(measure.Year, new FaoTradeMatrixRow(reporter, partner, measure), ct);
                    continue;
                }
                if (!Area(columns.AreaFao, columns.AreaM49, columns.Area, "area", out var area)) continue;
                var areaKey = $"{area.CodeFao}|{area.CodeM49}";
                if (!isWide)
                {
                    if (!Year(ref measure) || !Month(ref measure) || !Value(columns.Value, ref measure) ||
                        !Flag(columns.Flag, columns.FlagDescription, columns.Note, ref measure) || !Keep(measure, areaKey))
                        continue;
                    await run.Observations.WriteAsync(measure.Year, new FaoObservation(area, measure), ct);
                    continue;
                }
                foreach (var y in columns.Years)
                {
                    if (csv.IsEmpty(y.Value) && (y.Flag < 0 || csv.IsEmpty(y.Flag))) continue; // no observation that year
                    var m = measure;
                    m.Year = y.Year;
                    if (run.Years is { } range && (y.Year < range.First || y.Year > range.Last))
                    {
                        run.Outside++;
                        continue;
                    }
                    if (!Value(y.Value, ref m) || !Flag(y.Flag, -1, y.Note, ref m) || !Keep(m, areaKey)) continue;
                    await run.Observations.WriteAsync(m.Year, new FaoObservation(area, m), ct);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new PipelineException("normalize", $"the compressed file is damaged ({e.Message})",
                "Download the file again and rerun.", run.Source.Id, file.Display, csv.LineNumber, inner: e);
        }
        Log.Information("{Source}: {File} read, {Rows:N0} rows", run.Source.Id, file.Name, read);
        return;

        string Text(int index) => index < 0 ? "" : csv.GetString(index).Trim();

        FaoItem? ItemOf(out string? problem) =>
            reference.Item(Text(columns.ItemFao), Text(columns.ItemCpc), Text(columns.Item), out problem);

        bool Area(int fao, int m49, int name, string role, out FaoArea area)
        {
            area = reference.Area(Text(fao), Text(m49), Text(name))!;
            if (area is not null) return true;
            var column = fao >= 0 && Text(fao).Length > 0 ? fao : m49;
            Quarantine(columns.Name(column), $"{role} code '{FaostatReference.Clean(Text(column))}' ({Text(name)}) is not in countries.csv");
            return false;
        }

        bool Year(ref FaoMeasure m)
        {
            if (int.TryParse(Text(columns.Year), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                m.Year = year;
                if (run.Years is not { } range || (year >= range.First && year <= range.Last)) return true;
                run.Outside++;
                return false;
            }
            Quarantine(columns.Name(columns.Year), $"'{Text(columns.Year)}' is not a year");
            return false;
        }

        bool Month(ref FaoMeasure m)
        {
            if (columns.MonthsCode < 0 && columns.Months < 0) return true;
            var code = Text(columns.MonthsCode);
            var name = Text(columns.Months).ToLowerInvariant();
            if (code == "7021" || (code.Length == 0 && name == "annual value")) return true;
            if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 7001 and <= 7012)
            {
                m.Month = c - 7000;
                return true;
            }
            var i = Array.IndexOf(MonthNames, name);
            if (code.Length == 0 && i >= 0)
            {
                m.Month = i + 1;
                return true;
            }
            Quarantine(columns.Name(columns.MonthsCode >= 0 ? columns.MonthsCode : columns.Months), $"'{(code.Length > 0 ? code : name)}' is not a month (7001-7012) or the annual value (7021)");
            return false;
        }

        bool Value(int index, ref FaoMeasure m)
        {
            var text = Text(index);
            if (text.Length == 0)
            {
                m.Value = null;
                return true;
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                m.Value = v;
                return true;
            }
            Quarantine(columns.Name(index), $"'{text}' is not a number");
            return false;
        }

        bool Flag(int flag, int description, int note, ref FaoMeasure m)
        {
            m.Flag = Text(flag);
            var given = Text(description);
            m.FlagMeaning = given.Length > 0 ? given : run.Flags.Meaning(m.Flag);
            if (m.FlagMeaning is null) run.UnknownFlags++;
            var n = Text(note);
            m.Note = n.Length > 0 ? n : null;
            return true;
        }

        // Exact duplicates (old releases repeat lines): the same observation, to the flag and note, is written once.
        bool Keep(in FaoMeasure m, string areas)
        {
            var key = string.Join('|', m.Domain, areas, m.Item.CodeFao, m.Item.CodeCpc, m.ElementCode, m.Year, m.Month, m.Unit,
                m.Value?.ToString("R", CultureInfo.InvariantCulture), m.Flag, m.Note);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan()), hash);
            if (run.Seen.Add(MemoryMarshal.Read<UInt128>(hash))) return true;
            run.Duplicates++;
            return false;
        }

        void Quarantine(string? column, string reason) =>
            run.Quarantine.Add(new QuarantinedRow(file.Display, csv.LineNumber, column, reason, Encoding.UTF8.GetString(csv.RawRecord)));
    }
}
