using System.IO.Compression;
using System.Text;
using ClusterEtl.Transforms.Connectors.Inegi;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Connectors.Inegi.Denue;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Normalize.Inegi;

public sealed class DenueNormalizerTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    static readonly string Header = string.Join(",", DenueNormalizer.Columns.Select(c => $"\"{c}\""));

    /// <summary>A DENUE row with the given values and the address fields blank (42 fields).</summary>
    static string Row(string id, string name, string scian, string band, string ent, string entidad, string mun, string municipio,
        string lat = "19.41167", string lon = "-102.05667", string alta = "2019-11")
    {
        var f = Enumerable.Repeat("\"\"", 42).ToArray();
        void Set(string column, string value) => f[Array.IndexOf(DenueNormalizer.Columns, column)] = value;
        Set("id", id);
        Set("clee", $"\"{ent}{mun}{scian}000001000000000U1\"");
        Set("nom_estab", $"\"{name}\"");
        Set("codigo_act", $"\"{scian}\"");
        Set("nombre_act", "\"Beneficio de productos agrícolas\"");
        Set("per_ocu", $"\"{band}\"");
        Set("cve_ent", $"\"{ent}\"");
        Set("entidad", $"\"{entidad}\"");
        Set("cve_mun", $"\"{mun}\"");
        Set("municipio", $"\"{municipio}\"");
        Set("cve_loc", "\"0001\"");
        Set("localidad", $"\"{municipio}\"");
        Set("latitud", lat);
        Set("longitud", lon);
        Set("fecha_alta", $"\"{alta}\"");
        return string.Join(",", f);
    }

    string WriteLatin1(string name, params string[] rows)
    {
        var path = _dir.Combine(name);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"));
        return path;
    }

    Task<NormalizeResult> Normalize(string file, double maxQuarantine = 0.01) =>
        new DenueNormalizer().NormalizeAsync(InegiTestContext.For(_dir, "denue", file, new InegiCsvOptions(null), maxQuarantine),
            CancellationToken.None);

    List<object?[]> Rows(string columns) =>
        Duck.Query(null, $"SELECT {columns} FROM read_parquet('{InegiTestContext.Glob(_dir, "establishments")}') ORDER BY id");

    [Fact]
    public async Task A_Latin1_file_reads_accents_right_and_maps_every_band_to_its_documented_bounds()
    {
        var file = WriteLatin1("denue_inegi_11_.csv",
            Row("1", "EXPORTADORA ÁGUILA", "115113", "251 y más personas", "16", "Michoacán de Ocampo", "102", "Uruapan"),
            Row("2", "EMPAQUE DOÑA MARÍA", "115113", "0 a 5 personas", "16", "Michoacán de Ocampo", "83", "Tancítaro", "", ""),
            Row("3", "A", "115113", "6 a 10 personas", "16", "Michoacán de Ocampo", "102", "Uruapan"),
            Row("4", "B", "115113", "11 a 30 personas", "16", "Michoacán de Ocampo", "102", "Uruapan"),
            Row("5", "C", "115113", "31 a 50 personas", "16", "Michoacán de Ocampo", "102", "Uruapan"),
            Row("6", "D", "115113", "51 a 100 personas", "16", "Michoacán de Ocampo", "102", "Uruapan"),
            Row("7", "E", "337120", "101 a 250 personas", "21", "Puebla", "114", "Puebla"));

        var result = await Normalize(file);

        Assert.Equal(7, result.Rows);
        Assert.Equal(0, result.Quarantined);
        var rows = Rows("id, name, state_key, state_name, municipality_key, municipality_name, scian_code, employment_band, " +
                        "employment_low, employment_high, employment_mid, latitude, registered_month, extract_id");
        // 0xC1 0xD1 0xCD 0xE1 in Latin-1 are Á Ñ Í á; "más" keeps its accent; the open band has no upper bound and
        // its midpoint is 1.5 x 251 = 376.5.
        Assert.Equal([1L, "EXPORTADORA ÁGUILA", "16", "Michoacán de Ocampo", "16102", "Uruapan", "115113", "251 y más personas",
            251, null, 376.5, 19.41167, "2019-11", "extract123"], rows[0]);
        // cve_mun "83" lost its leading zero in a spreadsheet: padded back to 083 -> 16083; empty coordinates are NULL.
        Assert.Equal([2L, "EMPAQUE DOÑA MARÍA", "16", "Michoacán de Ocampo", "16083", "Tancítaro", "115113", "0 a 5 personas",
            0, 5, 2.5, null, "2019-11", "extract123"], rows[1]);
        // Closed bands: midpoint (low + high) / 2.
        Assert.Equal([6, 10, 8.0], rows[2][8..11]);
        Assert.Equal([11, 30, 20.5], rows[3][8..11]);
        Assert.Equal([31, 50, 40.5], rows[4][8..11]);
        Assert.Equal([51, 100, 75.5], rows[5][8..11]);
        Assert.Equal([101, 250, 175.5], rows[6][8..11]);
    }

    [Fact]
    public async Task The_zip_is_read_from_conjunto_de_datos_and_Windows_1252_quotes_come_out_right()
    {
        var zipPath = _dir.Combine("denue_21_csv.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            void Add(string name, byte[] bytes)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
            Add("conjunto_de_datos/denue_inegi_21_.csv", TextEncodings.Windows1252.Encoding.GetBytes(
                Header + "\r\n" + Row("9", "MUEBLERÍA “EL ROBLE”", "337120", "6 a 10 personas", "21", "Puebla", "114", "Puebla") + "\r\n"));
            Add("diccionario_de_datos/diccionario_datos_denue.csv", Encoding.UTF8.GetBytes("Atributo,Descripción\r\n"));
            Add("metadatos/metadatos_denue.txt", Encoding.UTF8.GetBytes("metadatos\r\n"));
        }

        var result = await Normalize(zipPath);

        Assert.Equal(1, result.Rows);
        Assert.Equal(["raw/inegi_test/x/denue_21_csv.zip!conjunto_de_datos/denue_inegi_21_.csv"], result.Files);
        // 0x93 and 0x94 are curly quotes in Windows-1252 (control characters in strict Latin-1).
        Assert.Equal("MUEBLERÍA “EL ROBLE”", Rows("name").Single()[0]);
    }

    [Fact]
    public async Task Unknown_states_bands_and_codes_go_to_quarantine_with_line_column_and_reason()
    {
        var file = WriteLatin1("denue_inegi_11_.csv",
            Row("1", "BIEN", "115113", "6 a 10 personas", "16", "Michoacán de Ocampo", "102", "Uruapan"), // line 2: good
            Row("2", "X", "115113", "6 a 10 personas", "33", "Nowhere", "102", "Uruapan"),                // line 3: no state 33
            Row("3", "X", "115113", "de 6 a 10", "16", "Michoacán de Ocampo", "102", "Uruapan"),          // line 4: not a band
            Row("4", "X", "1151", "6 a 10 personas", "16", "Michoacán de Ocampo", "102", "Uruapan"),      // line 5: SCIAN 4 digits
            Row("5", "X", "115113", "6 a 10 personas", "16", "Michoacán de Ocampo", "102", "Uruapan", "norte")); // line 6

        var result = await Normalize(file, maxQuarantine: 1.0);

        Assert.Equal(1, result.Rows);
        Assert.Equal(4, result.Quarantined);
        var q = InegiTestContext.Quarantine(_dir);
        Assert.Equal("raw/inegi_test/x/denue_inegi_11_.csv", q[0][0]);
        Assert.Equal([3L, "cve_ent", "'33' is not an INEGI state key (01 to 32, see reference/mx_geo.csv)"], q[0][1..]);
        Assert.Equal([4L, "per_ocu"], q[1][1..3]);
        Assert.StartsWith("'de 6 a 10' is not a DENUE size band (one of: 0 a 5 personas,", (string)q[1][3]!);
        Assert.Equal([5L, "codigo_act", "'1151' is not a 6-digit SCIAN code"], q[2][1..]);
        Assert.Equal([6L, "latitud", "'norte' is not a latitude in decimal degrees"], q[3][1..]);
    }

    [Fact]
    public async Task A_missing_column_fails_naming_file_line_and_column()
    {
        var path = _dir.Combine("denue_inegi_11_.csv");
        File.WriteAllText(path, Header.Replace("\"per_ocu\"", "\"personal\"") + "\r\n");

        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(path));

        Assert.Equal("per_ocu", e.Column);
        Assert.Equal(1, e.Line);
        Assert.Equal("raw/inegi_test/x/denue_inegi_11_.csv", e.FilePath);
        Assert.Contains("missing DENUE column 'per_ocu'", e.Message);
    }

    [Fact]
    public void Size_bands_parse_as_published_and_reject_other_text()
    {
        Assert.Equal(new DenueSizeBand("251 y más personas", 251, null, 376.5), DenueSizeBands.Parse("251 Y MAS  personas"));
        Assert.Equal(new DenueSizeBand("0 a 5 personas", 0, 5, 2.5), DenueSizeBands.Parse(" 0 a 5 personas "));
        Assert.Null(DenueSizeBands.Parse("6 a 11 personas")); // not a published band
        Assert.Null(DenueSizeBands.Parse("250 y más personas"));
        Assert.Null(DenueSizeBands.Parse(""));
    }

    [Fact]
    public async Task An_older_41_column_UTF8_release_without_clee_reads_into_the_same_table()
    {
        // Before clee, DENUE downloads had 41 columns; this one is UTF-8, its names carry trailing spaces and its bands the
        // older wordings ("De 0 a 5 personas", "Más de 250 personas").
        var clee = Array.IndexOf(DenueNormalizer.Columns, "clee");
        string Drop(string line) => string.Join(",", line.Split(',').Where((_, i) => i != clee));
        var path = _dir.Combine("denue_inegi_16_2010.csv");
        File.WriteAllText(path, string.Join("\n",
        [
            Drop(Header),
            Drop(Row("7", "EMPAQUE DOÑA MARÍA  ", "115113", "De 0 a 5 personas", "16", "Michoacán de Ocampo   ", "102", "Uruapan  ")),
            Drop(Row("8", "EXPORTADORA ÁGUILA", "115113", "Más de 250 personas", "16", "Michoacán de Ocampo", "102", "Uruapan")),
        ]) + "\n", new UTF8Encoding(false));

        var result = await Normalize(path);

        Assert.Equal((2L, 0L), (result.Rows, result.Quarantined));
        // clee NULL; names trimmed; the bands are those of today's wording: 0-5 (midpoint 2.5) and 251+ (376.5).
        Assert.Equal(
        [
            [7L, null, "EMPAQUE DOÑA MARÍA", "Michoacán de Ocampo", "Uruapan", 0, 5, 2.5],
            [8L, null, "EXPORTADORA ÁGUILA", "Michoacán de Ocampo", "Uruapan", 251, null, 376.5],
        ], Rows("id, clee, name, state_name, municipality_name, employment_low, employment_high, employment_mid"));
    }
}
