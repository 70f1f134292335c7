using System.Text;
using ClusterEtl.Transforms.Connectors.Inegi;
using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Connectors.Inegi.Census;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Normalize.Inegi;

public sealed class CensusNormalizerTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    const string Title = """
        "Censos Económicos 1999, 2004, 2009, 2014 y 2019"
        "Sistema Automatizado de Información Censal (SAIC)"
        "Consulta: test"
        ""
        "Año Censal","Entidad","Municipio","Actividad económica","UE Unidades económicas","H001A Personal ocupado total","A111A Producción bruta total (millones de pesos)","A131A Valor agregado censal bruto (millones de pesos)","M000A Otra variable"

        """;

    string Write(string body)
    {
        var path = _dir.Combine("SAIC_Exporta_test.csv");
        File.WriteAllBytes(path, TextEncodings.Windows1252.Encoding.GetBytes((Title + body).ReplaceLineEndings("\r\n")));
        return path;
    }

    Task<NormalizeResult> Normalize(string file, double maxQuarantine = 0.01) =>
        new CensusNormalizer().NormalizeAsync(InegiTestContext.For(_dir, "inegi_census", file, new InegiCsvOptions(null), maxQuarantine),
            CancellationToken.None);

    [Fact]
    public async Task Title_rows_are_skipped_totals_recognised_and_confidential_cells_stay_suppressed()
    {
        var file = Write("""
            1999,"Total nacional","","Subsector 337 Fabricación de muebles, colchones y persianas",19870,131200,15230.456,6920.118,1
            1999,"21 Puebla","","Subsector 337 Fabricación de muebles, colchones y persianas","1,413",7383,812.345,371.210,1
            1999,"21 Puebla","119 San Andrés Cholula","Rama 3371 Fabricación de muebles, excepto de oficina y estantería",2,"","","",1
            2019,"16 Michoacán de Ocampo","83 Tancítaro","11511 Servicios relacionados con la agricultura",2,"C",C,"C",1
            2019,"21 Puebla","Total estatal","Total",2011,9874,4321.876,1890.543,1
            "Fuente: INEGI. Censos Económicos."
            """);

        var result = await Normalize(file);

        Assert.Equal(5, result.Rows);
        Assert.Equal(0, result.Quarantined);
        Assert.Equal([1999, 2019], result.Years);
        var rows = Duck.Query(null, $"""
            SELECT census_year, state_key, state_name, municipality_key, municipality_name, area_level, scian_code, scian_level,
                   is_total, units, employment, gross_production_mxn_m, value_added_mxn_m, suppressed, suppressed_columns
            FROM read_parquet('{InegiTestContext.Glob(_dir, "census_units")}')
            """);
        // Line 6 (after 4 title rows, an empty line and the header): the national total, state key 00.
        Assert.Equal([1999, "00", "Total nacional", null, null, "national", "337", "subsector", true, 19870L, 131200L, 15230.456, 6920.118,
            false, null], rows[0]);
        // "1,413" with a thousands separator is 1413 (the published 1999 count of Puebla's furniture units).
        Assert.Equal([1999, "21", "Puebla", null, null, "state", "337", "subsector", false, 1413L, 7383L, 812.345, 371.210, false, null],
            rows[1]);
        // Blank cells of a unit with fewer than 3 units: NULL and suppressed, never 0; the unit count is kept.
        Assert.Equal([1999, "21", "Puebla", "21119", "San Andrés Cholula", "municipality", "3371", "rama", false, 2L, null, null, null,
            true, "H001A,A111A,A131A"], rows[2]);
        // Cells marked C likewise; the level comes from the 5 digits when the label has no level word; 83 -> 083.
        Assert.Equal([2019, "16", "Michoacán de Ocampo", "16083", "Tancítaro", "municipality", "11511", "subrama", false, 2L, null, null,
            null, true, "H001A,A111A,A131A"], rows[3]);
        // "Total estatal" / "Total": a state-level total row with no SCIAN code.
        Assert.Equal([2019, "21", "Puebla", null, null, "state", null, null, true, 2011L, 9874L, 4321.876, 1890.543, false, null], rows[4]);
    }

    [Fact]
    public async Task Unreadable_cells_go_to_quarantine_and_a_file_without_header_fails()
    {
        var file = Write("""
            1999,"21 Puebla","","Subsector 337 Muebles",10,20,1.5,0.5,1
            1999,"99 Atlántida","","Subsector 337 Muebles",10,20,1.5,0.5,1
            1999,"21 Puebla","","Muebles sin código",10,20,1.5,0.5,1
            1999,"21 Puebla","","Subsector 337 Muebles",10,"veinte",1.5,0.5,1
            """);

        var result = await Normalize(file, maxQuarantine: 1.0);

        Assert.Equal(1, result.Rows);
        var q = InegiTestContext.Quarantine(_dir);
        // Lines: 5 title/empty rows + header on line 5; data from line 6.
        Assert.Equal([7L, "entidad", "'99 Atlántida' is not a state with its INEGI key (e.g. '21 Puebla') nor 'Total nacional'"], q[0][1..]);
        Assert.Equal(8L, q[1][1]);
        Assert.Equal("actividad económica", q[1][2]);
        Assert.Equal([9L, "H001A Personal ocupado total",
            "'veinte' is not a count nor a confidentiality mark (blank, C, ND, N.D., *)"], q[2][1..]);

        var bare = _dir.Write("no_header.csv", string.Concat(Enumerable.Repeat("\"titulo\"\n", 25)));
        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(bare));
        Assert.Contains("no header row starting with 'Año Censal' in the first 20 lines", e.Message);
        Assert.Equal(20, e.Line);
    }

    [Fact]
    public void Codes_are_read_out_of_activity_labels()
    {
        Assert.Equal(new CensusActivity("31-33", "sector", "Industrias manufactureras"), CensusLabels.Activity("Sector 31-33 Industrias manufactureras"));
        Assert.Equal(new CensusActivity("337120", "clase", "Fabricación de muebles"), CensusLabels.Activity("Clase 337120 Fabricación de muebles"));
        Assert.Null(CensusLabels.Activity("Rama 337 Fabricación")); // a rama has 4 digits
        Assert.Null(CensusLabels.Activity("Fabricación de muebles"));
    }
}
