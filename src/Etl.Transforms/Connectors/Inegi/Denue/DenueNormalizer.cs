using System.Globalization;
using System.Text.RegularExpressions;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Reference;
using Serilog;

namespace ClusterEtl.Transforms.Connectors.Inegi.Denue;

/// <summary>
/// Reads a DENUE download (the zip with <c>conjunto_de_datos/denue_inegi_*.csv</c>, or a bare CSV; Windows-1252
/// or UTF-8) into <c>establishments</c>: SCIAN as 6-digit text, the employment band with its bounds, state and
/// municipality keys as text (5-digit municipality key = cve_ent + cve_mun). A row with an unknown state key, a
/// band that is not published, a SCIAN code that is not 6 digits or a coordinate that is not a number goes to
/// quarantine; a missing column fails the file naming it.
/// </summary>
public sealed partial class DenueNormalizer
{
    static readonly ILogger Log = Serilog.Log.ForContext<DenueNormalizer>();
    const long ProgressEvery = 500_000;

    public static string Version => "denue/1";

    /// <summary>The 42 columns of a DENUE CSV, as published.</summary>
    /// <summary>Columns older releases do not have: <c>clee</c> (41-column downloads); NULL in the lake when absent.</summary>
    public static readonly string[] OptionalColumns = ["clee"];

    public static readonly string[] Columns =
    [
        "id", "clee", "nom_estab", "raz_social", "codigo_act", "nombre_act", "per_ocu", "tipo_vial", "nom_vial", "tipo_v_e_1",
        "nom_v_e_1", "tipo_v_e_2", "nom_v_e_2", "tipo_v_e_3", "nom_v_e_3", "numero_ext", "letra_ext", "edificio", "edificio_e",
        "numero_int", "letra_int", "tipo_asent", "nomb_asent", "tipoCenCom", "nom_CenCom", "num_local", "cod_postal", "cve_ent",
        "entidad", "cve_mun", "municipio", "cve_loc", "localidad", "ageb", "manzana", "telefono", "correoelec", "www", "tipoUniEco",
        "latitud", "longitud", "fecha_alta",
    ];

    /// <summary>Zip entries holding data: <c>conjunto_de_datos/denue_inegi_*.csv</c> (any folder depth).</summary>
    public static bool IsDataEntry(string fullName) => DataEntry().IsMatch(fullName);

    public async Task<NormalizeResult> NormalizeAsync(NormalizeContext context, CancellationToken ct)
    {
        var source = context.Source;
        var data = context.Data;
        var mexico = context.Definitions?.Mexico ?? throw new PipelineException("normalize",
            "the Mexico reference (pipelines/reference/mx_geo.csv and scian.csv) is missing",
            "Restore the reference files; DENUE state keys are checked against them.", source.Id);
        using var opened = new OpenedFiles();
        var files = InegiDownload.Open(data.Path, data.Display, source.Id, IsDataEntry, opened.Items, out var seen);
        if (files.Count == 0)
            throw new PipelineException("normalize",
                $"no DENUE data file (conjunto_de_datos/denue_inegi_*.csv) in the download; files seen: {string.Join(", ", seen)}",
                "Point 'location' at a DENUE download zip or one of its CSVs.", source.Id, data.Display);
        var quarantine = new QuarantineWriter(source.Id, context.ExtractId);
        long rows = 0;
        await using (var writer = new LakeTableWriter<DenueEstablishment, DenueEstablishmentColumns>(context.OutputRoot,
                         DenueEstablishmentColumns.Table, source.Id, () => new DenueEstablishmentColumns(context.ExtractId)))
        {
            foreach (var file in files)
                rows += await ReadFileAsync(context, file, mexico, writer, quarantine, ct);
        }
        await quarantine.FinishAsync(context.QuarantineRoot, source, rows, "the DENUE files hold no establishments",
            "Check that the download is complete.", data.Display, ct);
        return new NormalizeResult(rows, quarantine.Count, [], "", files.Select(f => f.DisplayName).ToList());
    }

    static async Task<long> ReadFileAsync(NormalizeContext context, InegiFile file, MexicoReference mexico,
        LakeTableWriter<DenueEstablishment, DenueEstablishmentColumns> writer, QuarantineWriter quarantine, CancellationToken ct)
    {
        var source = context.Source;
        var encoding = (source.Options as InegiCsvOptions ?? new(null)).EncodingOf(file.Open);
        using var csv = CsvDefaults.Open(file.Open, hasHeader: true, encoding);
        await csv.ReadHeaderAsync(ct);
        var index = new Dictionary<string, int>();
        foreach (var name in Columns)
        {
            if (!csv.TryGetFieldIndex(name, out var i))
            {
                if (OptionalColumns.Contains(name)) continue;   // an older layout (41 columns, before clee)
                throw new PipelineException("normalize",
                    $"missing DENUE column '{name}' (header has {string.Join(",", csv.Headers)})",
                    "DENUE files have 42 columns, or 41 before clee (see the data dictionary in diccionario_de_datos/); check the download.",
                    source.Id, file.DisplayName, 1, name);
            }
            index[name] = i;
        }
        var layout = index.ContainsKey("clee") ? "42 columns (with clee)" : "41 columns (before clee)";
        Log.Information("{Source}: reading {File} ({Encoding}, {Layout})", source.Id, file.Name, encoding.Name, layout);
        var states = new Dictionary<string, bool>();
        long written = 0, read = 0;
        while (await csv.ReadAsync(ct))
        {
            read++;
            if (csv.FieldCount < csv.Headers.Count)
            {
                Quarantine(null, $"expected {csv.Headers.Count} fields, found {csv.FieldCount}");
                continue;
            }
            if (Parse() is not { } row) continue;
            await writer.WriteAsync(row, ct);
            written++;
            if (read % ProgressEvery == 0)
                Log.Information("{Source}: {Rows:N0} establishments read from {File} (line {Line:N0})", source.Id, read, file.Name,
                    csv.LineNumber);
        }
        if (read == 0)
            throw new PipelineException("normalize", $"{file.Name} holds no establishments, only its header",
                "The download is damaged or incomplete: download it again (every data file of a download is read, or none).",
                source.Id, file.DisplayName, 1);
        Log.Information("{Source}: {File} read, {Rows:N0} establishments", source.Id, file.Name, read);
        return written;

        string Field(string name) => csv.GetString(index[name]).Trim();

        string? Optional(string name) => index.ContainsKey(name) && Field(name) is { Length: > 0 } s ? s : null;

        DenueEstablishment? Parse()
        {
            if (!long.TryParse(Field("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return Fail("id", $"'{Field("id")}' is not a DENUE id (a whole number)");
            var scian = Field("codigo_act");
            if (scian.Length != 6 || !scian.All(char.IsAsciiDigit))
                return Fail("codigo_act", $"'{scian}' is not a 6-digit SCIAN code");
            if (DenueSizeBands.Parse(Field("per_ocu")) is not { } band)
                return Fail("per_ocu", $"'{Field("per_ocu")}' is not a DENUE size band (one of: " +
                                       $"{string.Join(", ", DenueSizeBands.Published.Select(b => b.Label))})");
            var state = InegiKeys.Key(Field("cve_ent"), 2);
            if (state is not null && !states.TryGetValue(state, out _)) states[state] = mexico.IsKnownState(state);
            if (state is null || !states[state])
                return Fail("cve_ent", $"'{Field("cve_ent")}' is not an INEGI state key (01 to 32, see reference/mx_geo.csv)");
            var municipality = InegiKeys.Key(Field("cve_mun"), 3);
            if (municipality is null)
                return Fail("cve_mun", $"'{Field("cve_mun")}' is not a municipality key (3 digits)");
            string? locality = null;
            if (Optional("cve_loc") is { } loc)
            {
                locality = InegiKeys.Key(loc, 4);
                if (locality is null) return Fail("cve_loc", $"'{loc}' is not a locality key (4 digits)");
                locality = state + municipality + locality;
            }
            if (!Coordinate("latitud", -90, 90, out var lat) || !Coordinate("longitud", -180, 180, out var lon)) return null;
            var month = Optional("fecha_alta");
            if (month is not null && !Month().IsMatch(month))
                return Fail("fecha_alta", $"'{month}' is not a registration month (YYYY-MM)");
            return new DenueEstablishment(id, Optional("clee"), Field("nom_estab"), Optional("raz_social"), scian, Optional("nombre_act"),
                band, state, Field("entidad"), state + municipality, Field("municipio"), locality, Optional("localidad"),
                Optional("tipoUniEco"), lat, lon, month);
        }

        bool Coordinate(string name, double min, double max, out double? value)
        {
            value = null;
            if (Optional(name) is not { } text) return true;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                value = v;
                return true;
            }
            Fail(name, $"'{text}' is not a {(name == "latitud" ? "latitude" : "longitude")} in decimal degrees");
            return false;
        }

        DenueEstablishment? Fail(string? column, string reason)
        {
            Quarantine(column, reason);
            return null;
        }

        void Quarantine(string? column, string reason) =>
            quarantine.Add(new QuarantinedRow(file.DisplayName, csv.LineNumber, column, reason, CsvDefaults.RawRecord(csv)));
    }

    [GeneratedRegex(@"(^|/)conjunto_de_datos/denue_inegi_[^/]*\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex DataEntry();

    [GeneratedRegex(@"^(19|20)\d\d-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();
}
