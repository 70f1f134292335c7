using System.Globalization;
using System.Text;
using ClusterEtl.Jobs.Hangfire;
using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Connectors.Comtrade;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Stages;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Normalize;

[Collection(ProcessTestsCollection.Name)]
public sealed class ComtradeTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    string FlowsGlob => _dir.Combine("out", "trade_flows", "*", "*", "*.parquet").Replace('\\', '/');

    Task<NormalizeResult> Normalize(params string[] files) => Normalize(0.01, files);

    async Task<NormalizeResult> Normalize(double maxQuarantineShare, params string[] files)
    {
        var source = new SourceDefinition("ct", "comtrade", files[0], "pipelines/sources/ct.json", FetchOptions.Default, maxQuarantineShare,
            new ComtradeOptions(null));
        var definitions = PipelineDefinitions.Load(Repo.Pipelines, SourceConnectors.Kinds);
        var context = new NormalizeContext(source,
            files.Select((f, i) => new SourceFile(files.Length == 1 ? "data" : $"data:{i}", f, Path.GetFileName(f))).ToList(),
            "e1", _dir.Combine("out"), _dir.Combine("quarantine"), null, definitions);
        return await new ComtradeConnector().NormalizeAsync(context, CancellationToken.None);
    }

    List<string> Query(string select) =>
        Duck.Query(null, string.Format(CultureInfo.InvariantCulture, select, $"read_parquet('{FlowsGlob}')"))
            .Select(r => string.Join("|", r.Select(v => v is null or DBNull ? "NULL" : Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();

    [RequiresSharedFact]
    public async Task Comtrade_plus_v1_csv_loads_every_row_aligned_despite_the_trailing_commas()
    {
        var result = await Normalize(Repo.SharedFile("data", "real", "comtrade", "TradeData.csv"));

        Assert.Equal(1352, result.Rows);
        Assert.Equal(0, result.Quarantined);
        // Line 2 of the file: China imports from World, TOTAL, primaryValue 2715997517261 (= cifvalue), netWgt 0 estimated.
        // Germany's export to Chile (reporter 276, partner 152): primaryValue 2956469901.88 = fobvalue.
        Assert.Equal(
        [
            "CHN|WLD|M|TOTAL|0|2715997517261|CIF|NULL|netwgt_estimated;legacy_flag=4|HS22",
            "DEU|CHL|X|TOTAL|0|2956469901.88|FOB|NULL|netwgt_estimated;legacy_flag=4|HS22",
        ], Query("""
            SELECT reporter_iso3, partner_iso3, flow, product_code, product_level, value_usd, valuation, quantity_kg, flags, hs_vintage
            FROM {0} WHERE (reporter_code = '156' AND partner_code = '0' AND flow = 'M') OR (reporter_code = '276' AND partner_code = '152' AND flow = 'X')
            ORDER BY reporter_iso3
            """));
        // 677 import rows all CIF, 675 export rows all FOB.
        Assert.Equal(["M|CIF|677", "X|FOB|675"], Query("SELECT flow, valuation, count(*) FROM {0} GROUP BY ALL ORDER BY ALL"));
        // A net weight of 0 flagged as estimated (isNetWgtEstimated true, 1283 rows) is missing, like a blank netWgt
        // (11 rows): 1283 + 11 = 1294 NULL; a 0 not flagged is a reported zero (58 rows).
        Assert.Equal(["0|58", "NULL|1294"], Query("""
            SELECT CASE WHEN quantity_kg IS NULL THEN 'NULL' WHEN quantity_kg = 0 THEN '0' ELSE 'weight' END, count(*)
            FROM {0} GROUP BY ALL ORDER BY ALL
            """));
        // Latin-1 was read as such: no reporter or partner lost its ISO3 for a decoding problem; partner 0 (W00) is WLD.
        Assert.Equal(["6"], Query("SELECT count(*) FROM {0} WHERE partner_iso3 = 'WLD'"));
    }

    [RequiresSharedFact]
    public async Task Legacy_csv_keeps_re_exports_and_re_imports_and_total_as_its_own_product()
    {
        var result = await Normalize(Repo.SharedFile("data", "real", "comtrade", "comtrade.csv"));

        Assert.Equal(288, result.Rows);
        // Trade Flow Code 1 Import (113), 2 Export (113), 3 Re-Export (30), 4 Re-Import (32).
        Assert.Equal(["M|CIF|113", "RM|CIF|32", "RX|FOB|30", "X|FOB|113"],
            Query("SELECT flow, valuation, count(*) FROM {0} GROUP BY ALL ORDER BY ALL"));
        // Classification H5 (198 rows) is HS17, H4 (64) HS12, H3 (23) HS07, H2 (3) HS02; every product is TOTAL.
        Assert.Equal(["HS02|3", "HS07|23", "HS12|64", "HS17|198"], Query("SELECT hs_vintage, count(*) FROM {0} GROUP BY ALL ORDER BY ALL"));
        Assert.Equal(["TOTAL|0|288"], Query("SELECT product_code, product_level, count(*) FROM {0} GROUP BY ALL"));
        // Albania's imports (line 2): 5826322393 USD, no quantity (Qty Unit Code 1), net weight 0 with flag 4 = estimated.
        Assert.Equal(["5826322393|NULL|NULL|NULL|legacy_flag=4"], Query(
            "SELECT value_usd, quantity_kg, quantity_original, quantity_unit, flags FROM {0} WHERE reporter_iso3 = 'ALB' AND flow = 'M'"));
    }

    [Fact]
    public async Task A_legacy_file_re_saved_by_r_or_a_spreadsheet_reads_the_same()
    {
        // R's write.csv: an index column, names mangled to Trade_Value__US__ style, NA for blanks, codes that lost
        // their leading zeros (030212 -> 30212, 0803 -> 803) re-padded from the aggregate level.
        var file = _dir.Write("resaved.csv", """
            "","Classification","Year","Period","Aggregate_Level","Trade_Flow_Code","Reporter_Code","Reporter_ISO","Partner_Code","Partner_ISO","Commodity_Code","Qty_Unit_Code","Qty_Unit","Qty","Netweight__kg_","Trade_Value__US__","Flag"
            "1","H0","2001","2001",6,2,152,"CHL",842,"USA",30212,8,"Weight in kilograms",1500,1500,42000,0
            "2","H0","2001","2001",4,2,218,"ECU",276,"DEU",803,8,"Weight in kilograms",NA,NA,9000,0
            "3","H0","2001","2001",6,1,842,"USA",152,"CHL",30212,1,"No Quantity",NA,0,45360,4
            "4","H0","2001","2001",6,2,152,"CHL",842,"USA",30212,8,"Weight in kilograms",1,1,n/a,0

            """.Replace("\n", "\r\n"));
        var result = await Normalize(0.5, file);

        Assert.Equal(3, result.Rows);
        Assert.Equal(1, result.Quarantined);
        Assert.Equal(
        [
            "CHL|USA|X|030212|6|42000|1500|1500|Weight in kilograms|HS92",
            "ECU|DEU|X|0803|4|9000|NULL|NULL|NULL|HS92",
            "USA|CHL|M|030212|6|45360|NULL|NULL|NULL|HS92",
        ], Query("""
            SELECT reporter_iso3, partner_iso3, flow, product_code, product_level, value_usd, quantity_kg, quantity_original, quantity_unit, hs_vintage
            FROM {0} ORDER BY ALL
            """));
        var q = Assert.Single(Duck.Query(null, $"SELECT line, \"column\", reason FROM read_parquet('{_dir.Combine("quarantine", "source=ct", "quarantine.parquet")}')"));
        // The column as the file names it, not the internal name (primaryvalue).
        Assert.Equal([5L, "Trade_Value__US__", "'n/a' is not a trade value in USD"], q);
    }

    [Fact]
    public async Task A_file_that_is_not_comtrade_names_the_missing_columns()
    {
        var file = _dir.Write("other.csv", "t,i,j,k,v,q\n2001,152,842,030212,1,1\n");
        var e = await Assert.ThrowsAsync<PipelineException>(() => Normalize(file));
        Assert.Contains("the header is not a Comtrade layout: missing refyear, flowcode, reportercode, partnercode, classificationcode, cmdcode, primaryvalue", e.Message);
        Assert.Contains("other.csv", e.Message);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public async Task The_api_is_queried_in_requests_within_its_limits_with_the_key_from_the_environment()
    {
        const string key = "ct-secret-4242";
        var periods = new List<string>();
        await using var server = new LoopbackHttpServer((ctx, _) =>
        {
            var period = ctx.Request.QueryString["period"]!;
            lock (periods) periods.Add($"{ctx.Request.Url!.AbsolutePath} {period} {ctx.Request.QueryString["cmdCode"]}");
            // One record per year: Chile's salmon exports to the USA, 1000 USD in 2019 and 1500 in 2020.
            var records = string.Join(",", period.Split(',').Select(y => $$"""
                {"typeCode":"C","freqCode":"A","refYear":{{y}},"refMonth":52,"period":"{{y}}","reporterCode":152,"reporterISO":"CHL",
                 "flowCode":"X","partnerCode":842,"partnerISO":"USA","partner2Code":0,"classificationCode":"H5","cmdCode":"030214",
                 "aggrLevel":6,"customsCode":"C00","motCode":0,"qtyUnitCode":8,"qtyUnitAbbr":"kg","qty":100,"isQtyEstimated":false,
                 "netWgt":100,"isNetWgtEstimated":false,"cifvalue":null,"fobvalue":{{(y == "2019" ? 1000 : 1500)}},
                 "primaryValue":{{(y == "2019" ? 1000 : 1500)}},"legacyEstimationFlag":0}
                """));
            return LoopbackHttpServer.Send(ctx, Encoding.UTF8.GetBytes($$"""{"elapsedTime":"0.1 secs","count":1,"data":[{{records}}],"error":""}"""));
        });
        var pipelines = _dir.Combine("pipelines");
        Repo.CopyDirectory(Repo.Pipelines, pipelines);
        foreach (var f in Directory.GetFiles(Path.Combine(pipelines, "sources"))) File.Delete(f);
        _dir.Write("pipelines/sources/comtrade_api.json", $$"""
            {
              "id": "comtrade_api", "kind": "comtrade", "location": "{{server.Url("/data/v1/get")}}",
              "options": { "api": { "reporters": [152], "partners": [842], "flows": ["X"], "products": ["030214"],
                                    "years": [2019, 2020], "classification": "H5", "key_env": "CLUSTERETL_TEST_COMTRADE_KEY",
                                    "years_per_request": 1, "max_records": 1000 } }
            }
            """);
        var data = _dir.Combine("data");
        Environment.SetEnvironmentVariable("CLUSTERETL_TEST_COMTRADE_KEY", key);
        RunOutcome outcome;
        try
        {
            outcome = await PipelineRun.ExecuteAsync(new RunRequest("ct-run", pipelines, data, Repo.Sql, false), CancellationToken.None);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLUSTERETL_TEST_COMTRADE_KEY", null);
        }

        Assert.True(outcome.Succeeded, outcome.Error);
        // years_per_request 1: one request per year, each with the key header.
        Assert.Equal(["/data/v1/get/C/A/H5 2019 030214", "/data/v1/get/C/A/H5 2020 030214"], periods.Order());
        Assert.All(server.RequestHeaders, h => Assert.Equal(key, h[ComtradeConnector.KeyHeader]));
        // The key is in no file the pipeline wrote (manifest, raw responses, run ledger, warehouse, marts).
        foreach (var f in Directory.GetFiles(data, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(key, Encoding.Latin1.GetString(File.ReadAllBytes(f)));
        // chile-salmon (HS92 030212) reads HS17 030214 through the concordance: 1000 in 2019, 1500 in 2020.
        var warehouse = new DataLayout(data).WarehouseFile;
        Assert.Equal(["2019|1000|reported", "2020|1500|reported"], Duck.Query(warehouse,
                "SELECT year, export_value_usd, value_basis FROM marts.cluster_exports WHERE cluster_id = 'chile-salmon' ORDER BY year")
            .Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
    }

    [Fact]
    public void Requests_are_split_by_years_and_products()
    {
        var api = new ComtradeApiRequest([152], [], ["X", "M"], ["0301", "0302", "0303"], [2001, 2002, 2003], "A", "HS",
            "K", 250_000, YearsPerRequest: 2, ProductsPerRequest: 2);
        // 3 years in chunks of 2 (2001-2002, 2003) x 3 products in chunks of 2 (0301-0302, 0303) = 4 requests.
        var urls = api.Urls("https://comtradeapi.un.org/data/v1/get/");
        Assert.Equal(4, urls.Count);
        Assert.Equal("https://comtradeapi.un.org/data/v1/get/C/A/HS?reporterCode=152&period=2001,2002&cmdCode=0301,0302&flowCode=X,M" +
                     "&partner2Code=0&customsCode=C00&motCode=0&maxRecords=250000&format=JSON&includeDesc=true", urls[0]);
        Assert.Contains("period=2003&cmdCode=0303&", urls[3]);
    }
}
