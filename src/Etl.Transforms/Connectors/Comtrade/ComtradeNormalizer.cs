using System.Text;
using System.Text.Json;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using CsvHelper;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Comtrade;

/// <summary>
/// Reads every data file of a Comtrade source — Comtrade+ v1 CSV (ISO-8859-1, CRLF, a trailing comma on every
/// data row), legacy CSV and copies re-saved by spreadsheets or R/pandas (renamed headers, an index column, NA),
/// or API JSON (v1 <c>{"data": [...]}</c>, legacy <c>{"dataset": [...]}</c>) — recognised from the content, not
/// the name, into <c>trade_flows</c>.
/// </summary>
public sealed class ComtradeNormalizer
{
    public const string Version = "comtrade/1";
    static readonly ILogger Log = Serilog.Log.ForContext<ComtradeNormalizer>();
    const long ProgressEvery = 500_000;

    public async Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct)
    {
        var source = context.Source;
        var mapper = new ComtradeRowMapper(context.Definitions?.Countries);
        var quarantine = new QuarantineWriter(source.Id, context.ExtractId);
        long rows;
        IReadOnlyList<int> years;
        var vintages = new SortedSet<string>(StringComparer.Ordinal);
        await using (var writer = new TradeFlowsWriter(context.OutputRoot, source.Id, "comtrade", context.ExtractId))
        {
            foreach (var file in context.DataFiles)
            {
                if (IsJson(file.Path)) await ReadJsonAsync(context, file, mapper, writer, quarantine, vintages, ct);
                else await ReadCsvAsync(context, file, mapper, writer, quarantine, vintages, ct);
            }
            rows = writer.Rows;
            years = writer.Years.Order().ToList();
        }
        await quarantine.WriteAsync(context.QuarantineRoot, ct);
        foreach (var (why, count) in mapper.Skipped)
            Log.Warning("{Source}: {Count:N0} record(s) left out: {Reason}", source.Id, count, why);
        quarantine.EnforceShare(source, rows + quarantine.Count);
        // A flow in two files (overlapping API pages, a folder holding a re-download) or twice in one: exact copies are
        // dropped, different values fail the source.
        var dropped = TradeFlowDuplicates.Check(source, context.OutputRoot, context.DataFiles[0].Display);
        return new NormalizeResult(rows - dropped, quarantine.Count, years, string.Join(",", vintages),
            context.DataFiles.Select(f => f.Display).ToList(), DuplicatesDropped: dropped);
    }

    static bool IsJson(string path)
    {
        using var s = File.OpenRead(path);
        int b;
        while ((b = s.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) { }
        return b is '{' or '[';
    }

    static async Task ReadCsvAsync(NormalizeContext context, SourceFile file, ComtradeRowMapper mapper, TradeFlowsWriter writer,
        QuarantineWriter quarantine, ISet<string> vintages, CancellationToken ct)
    {
        var encoding = TextEncodings.Detect(() => File.OpenRead(file.Path));
        var options = CsvDefaults.Create(caseSensitiveHeader: true);
        await using var stream = TextEncodings.OpenUtf8(() => File.OpenRead(file.Path), encoding);
        using var csv = CsvReader.Create(stream, options, leaveOpen: false);
        await csv.ReadHeaderAsync(ct);
        var header = csv.Headers.ToList();
        var (index, missing) = ComtradeFields.Map(header);
        if (index is null)
            throw new PipelineException("normalize",
                $"the header is not a Comtrade layout: missing {string.Join(", ", missing)} (header: {Shorten(string.Join(",", header))})",
                "Point the source at a Comtrade+ or legacy Comtrade CSV, or a Comtrade API JSON response.",
                context.Source.Id, file.Display, 1);
        Log.Information("{Source}: reading {File} as Comtrade CSV ({Encoding}, {Columns} columns)", context.Source.Id, file.Display,
            encoding.Name, header.Count);

        long read = 0;
        var values = new string?[index.Length];
        while (await csv.ReadAsync(ct))
        {
            read++;
            if (csv.FieldCount < header.Count)
            {
                quarantine.Add(new QuarantinedRow(file.Display, csv.LineNumber, null,
                    $"expected {header.Count} fields as in the header, found {csv.FieldCount}", Encoding.UTF8.GetString(csv.RawRecord)));
                continue;
            }
            for (var f = 0; f < index.Length; f++) values[f] = index[f] < 0 ? null : Clean(csv.GetString(index[f]));
            await MapAsync(f => values[(int)f], f => index[(int)f] < 0 ? null : header[index[(int)f]], file, csv.LineNumber,
                () => Encoding.UTF8.GetString(csv.RawRecord), mapper, writer, quarantine, vintages, ct);
            if (read % ProgressEvery == 0)
                Log.Information("{Source}: {Rows:N0} records read from {File}", context.Source.Id, read, file.Display);
        }
    }

    static async Task ReadJsonAsync(NormalizeContext context, SourceFile file, ComtradeRowMapper mapper, TradeFlowsWriter writer,
        QuarantineWriter quarantine, ISet<string> vintages, CancellationToken ct)
    {
        JsonDocument doc;
        await using (var s = File.OpenRead(file.Path))
        {
            try
            {
                doc = await JsonDocument.ParseAsync(s, cancellationToken: ct);
            }
            catch (JsonException e)
            {
                throw new PipelineException("normalize", $"not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}",
                    "Fetch the response again; a cut-off download leaves incomplete JSON.", context.Source.Id, file.Display,
                    (e.LineNumber ?? 0) + 1, inner: e);
            }
        }
        using var _ = doc;
        var root = doc.RootElement;
        JsonElement records;
        if (root.ValueKind == JsonValueKind.Array) records = root;
        else if (root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array) records = d;
        else if (root.TryGetProperty("dataset", out var ds) && ds.ValueKind == JsonValueKind.Array) records = ds;
        else
        {
            var message = root.TryGetProperty("message", out var m) ? m.ToString()
                : root.TryGetProperty("error", out var er) ? er.ToString() : Shorten(root.GetRawText());
            throw new PipelineException("normalize", $"the response holds no data array (the API said: {message})",
                "Check the request (codes, years, subscription key) and pull again.", context.Source.Id, file.Display);
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) &&
            error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } problem)
            throw new PipelineException("normalize", $"the API answered with an error: {problem}",
                "Check the request and the subscription key, then pull again.", context.Source.Id, file.Display);

        var options = context.Source.Options as ComtradeOptions;
        if (options?.Api is { } api && records.GetArrayLength() >= api.MaxRecords)
            throw new PipelineException("normalize",
                $"the response has {records.GetArrayLength():N0} records, the limit asked for (max_records): it is probably cut off",
                "Ask for less per request: fewer years_per_request or products_per_request in options.api, or raise max_records.",
                context.Source.Id, file.Display);

        long read = 0;
        string?[]? names = null;
        foreach (var record in records.EnumerateArray())
        {
            read++;
            if (record.ValueKind != JsonValueKind.Object)
            {
                quarantine.Add(new QuarantinedRow(file.Display, read, null, "a record is not a JSON object", Shorten(record.GetRawText())));
                continue;
            }
            names ??= PropertyNames(record);
            if (names is null)
            {
                var (_, missing) = ComtradeFields.Map(record.EnumerateObject().Select(p => p.Name).ToList());
                throw new PipelineException("normalize", $"the records are not Comtrade records: missing {string.Join(", ", missing)}",
                    "Point the source at a Comtrade API response.", context.Source.Id, file.Display);
            }
            var current = record;
            await MapAsync(f => names[(int)f] is { } n && current.TryGetProperty(n, out var v) ? Clean(Text(v)) : null, f => names[(int)f],
                file, read, () => current.GetRawText(), mapper, writer, quarantine, vintages, ct);
        }
        Log.Information("{Source}: {File} read as Comtrade API JSON, {Records:N0} records", context.Source.Id, file.Display, read);
    }

    /// <summary>The JSON property name of each field, from a record's names; null when required fields are absent.</summary>
    static string?[]? PropertyNames(JsonElement record)
    {
        var properties = record.EnumerateObject().Select(p => p.Name).ToList();
        var (index, _) = ComtradeFields.Map(properties);
        return index?.Select(i => i < 0 ? null : properties[i]).ToArray();
    }

    static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };

    /// <param name="nameOf">The name the file gives a field (its header, e.g. <c>Trade Value (US$)</c>): quarantine reasons
    /// name the column as the user sees it.</param>
    static async ValueTask MapAsync(Func<ComtradeField, string?> get, Func<ComtradeField, string?> nameOf, SourceFile file, long line,
        Func<string> raw, ComtradeRowMapper mapper, TradeFlowsWriter writer, QuarantineWriter quarantine, ISet<string> vintages,
        CancellationToken ct)
    {
        switch (mapper.Map(get, out var row, out var column, out var reason))
        {
            case ComtradeOutcome.Row:
                vintages.Add(row.HsVintage);
                await writer.WriteAsync(row, ct);
                break;
            case ComtradeOutcome.Quarantined:
                var field = ComtradeFields.Aliases.FirstOrDefault(kv => kv.Value[0] == column).Key;
                quarantine.Add(new QuarantinedRow(file.Display, line, (column is null ? null : nameOf(field)) ?? column, reason!, raw()));
                break;
        }
    }

    /// <summary>Blank, NA and N/A (how R, pandas and Comtrade write missing values) are missing.</summary>
    static string? Clean(string? s)
    {
        if (s is null) return null;
        s = s.Trim();
        return s.Length == 0 || s is "NA" or "N/A" or "NaN" or "null" ? null : s;
    }

    static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
