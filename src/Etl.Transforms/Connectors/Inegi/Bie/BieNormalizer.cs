using System.Globalization;
using System.Text.Json;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using Serilog;
using ClusterEtl.Transforms.Definitions;

namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>
/// Turns the API answers of an <c>inegi_bie</c> source into <c>indicator_series</c>: observations reordered oldest
/// first, an empty OBS_VALUE kept as a missing value (null), the frequency decoded. An answer "no data"
/// (HTTP 400, ErrorCode 100) is a warning and no rows; any other API error fails the source with its message.
/// An observation whose period or value cannot be read goes to quarantine.
/// </summary>
public sealed class BieNormalizer
{
    static readonly ILogger Log = Serilog.Log.ForContext<BieNormalizer>();

    public static string Version => "inegi_bie/1";

    public async Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct)
    {
        var source = context.Source;
        var options = (BieOptions)source.Options!;
        var quarantine = new QuarantineWriter(source.Id, context.ExtractId);
        var rows = new List<BieObservation>();
        var noData = 0;
        foreach (var file in context.Files)
        {
            var (indicators, area) = Requested(source, options, file.Role);
            BieAnswer answer;
            try
            {
                await using var stream = File.OpenRead(file.Path);
                answer = BieResponse.Read(stream);
            }
            catch (JsonException e)
            {
                throw new PipelineException("normalize", $"not an answer of the INEGI indicators API: {e.Message}",
                    "Check 'location' (the API base URL ending in /INDICATOR, or a saved JSON response).", source.Id, file.Display,
                    e.LineNumber + 1, inner: e);
            }
            if (answer.IsNoData)
            {
                noData++;
                Log.Warning("{Source}: no data for indicator(s) {Indicators} in area {Area} (API ErrorCode 100: {Info})", source.Id,
                    string.Join(",", indicators), area, answer.ErrorInfo);
                continue;
            }
            if (answer.ErrorCode is { } code)
                throw new PipelineException("normalize", $"the INEGI indicators API answered error {code}: {answer.ErrorInfo}",
                    "Check the indicator ids, area and token (a wrong token is an API error too).", source.Id, file.Display);
            var extractId = ExtractId(file.Path, context.ExtractId);
            foreach (var series in answer.Series) Read(series, area, extractId, file.Display);
            foreach (var missing in indicators.Where(i => answer.Series.All(s => s.Indicator != i)))
                Log.Warning("{Source}: indicator {Indicator} asked for is not in {File}", source.Id, missing, file.Display);
        }

        var ordered = rows.OrderBy(r => r.IndicatorId, StringComparer.Ordinal).ThenBy(r => r.Area, StringComparer.Ordinal)
            .ThenBy(r => r.Frequency, StringComparer.Ordinal).ThenBy(r => r.PeriodStart, StringComparer.Ordinal).ToList();
        await using (var writer = new LakeTableWriter<BieObservation, BieSeriesColumns>(context.OutputRoot, BieSeriesColumns.Table, source.Id,
                         () => new BieSeriesColumns()))
        {
            foreach (var row in ordered)
            {
                await writer.WriteAsync(row, ct);
            }
        }
        await quarantine.WriteAsync(context.QuarantineRoot, ct);
        quarantine.EnforceShare(source, ordered.Count + quarantine.Count);
        Log.Information("{Source}: {Rows:N0} observations of {Series} series, {NoData} answer(s) without data", source.Id, ordered.Count,
            ordered.Select(r => (r.IndicatorId, r.Area)).Distinct().Count(), noData);
        return new NormalizeResult(ordered.Count, quarantine.Count, ordered.Select(r => r.Year).Distinct().Order().ToList(), "",
            context.Files.Select(f => f.Display).ToList());

        void Read(BieRawSeries series, string area, string extractId, string display)
        {
            var where = $"{display}#Series[{series.Index}]";
            var frequency = BieResponse.Frequencies.GetValueOrDefault(series.Freq);
            var seen = new HashSet<string>();
            foreach (var o in series.Observations)
            {
                if (frequency is null)
                {
                    Quarantine(o, "FREQ", $"indicator {series.Indicator}: frequency code '{series.Freq}' is not 8 (monthly), 4 (quarterly) or 3 (annual)");
                    continue;
                }
                if (BieResponse.Period(frequency, o.TimePeriod) is not { } period)
                {
                    Quarantine(o, "TIME_PERIOD", $"indicator {series.Indicator}: '{o.TimePeriod}' is not a {frequency} period");
                    continue;
                }
                double? value = null;
                if (o.ObsValue.Length > 0)
                {
                    if (!double.TryParse(o.ObsValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    {
                        Quarantine(o, "OBS_VALUE", $"indicator {series.Indicator}: '{o.ObsValue}' is not a number");
                        continue;
                    }
                    value = v;
                }
                if (!seen.Add(o.TimePeriod))
                {
                    Quarantine(o, "TIME_PERIOD", $"indicator {series.Indicator}: period {o.TimePeriod} appears twice");
                    continue;
                }
                rows.Add(new BieObservation(series.Indicator, area, frequency, series.Freq, o.TimePeriod, period.Year, period.Month,
                    period.Quarter, period.Start, value, o.ObsStatus, series.Unit, series.UnitMult, series.Topic, series.LastUpdate, extractId));
            }

            void Quarantine(BieRawObservation o, string column, string reason) =>
                quarantine.Add(new QuarantinedRow(where, o.Index + 1, column, reason, o.Json));
        }
    }

    /// <summary>The indicators and area a pulled file answers (a saved response: every indicator, the one area).</summary>
    static (IReadOnlyList<string> Indicators, string Area) Requested(SourceDefinition source, BieOptions options, string role)
    {
        if (!source.IsRemote) return (options.Indicators, options.Areas[0]);
        var r = options.Requests.FirstOrDefault(x => x.Role == role);
        if (r.Role is null)
            throw new PipelineException("normalize", $"a file of role '{role}' was pulled but the options ask for no such indicator and area",
                "Rerun the whole pipeline.", source.Id);
        return ([r.Indicator], r.Area);
    }

    /// <summary>The extract id of a raw file: the first 16 hex of its SHA-256, the name of its folder in the raw store.</summary>
    static string ExtractId(string path, string fallback)
    {
        var dir = Path.GetFileName(Path.GetDirectoryName(path)) ?? "";
        return dir.Length == 64 && dir.All(char.IsAsciiHexDigitLower) ? dir[..16] : fallback;
    }
}
