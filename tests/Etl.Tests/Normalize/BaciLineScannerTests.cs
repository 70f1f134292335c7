using System.Text;
using CsvHelper;
using ClusterEtl.Transforms.Lake;
using ClusterEtl.Transforms.Connectors.Baci;
using ClusterEtl.Transforms.Connectors.Shared;

namespace ClusterEtl.Tests.Normalize;

/// <summary>
/// The line scanner that reads BACI files without a general CSV reader gives the records CsvHelper and
/// <see cref="BaciRecordParser"/> give, line for line, and hands over to CsvHelper where it cannot vouch for a line.
/// </summary>
public sealed class BaciLineScannerTests
{
    static readonly Dictionary<int, BaciCountry> Countries = new()
    {
        [152] = new BaciCountry(152, "152", "CHL", "Chile"),
        [842] = new BaciCountry(842, "842", "USA", "USA"),
        [490] = new BaciCountry(490, "490", null, "Other Asia, nes"),
        [1200] = new BaciCountry(1200, "1200", "XXX", "A code above 1000"),
    };

    /// <summary>Lines a real file holds, and lines of damaged files that are still one record each.</summary>
    const string Lines =
        "2019,152,842,010121,      78.810,      93.224\n" +
        "2019,152,842,10121,78.81,NA\n" +                     // lost leading zero, NA
        "2019,152,842,010122,       0.500,\n" +                // empty quantity
        "2019,152,842,010123,       0.500,          NA\r\n" +  // CRLF
        "2019,490,1200,010124,1,2\n" +                         // no ISO3; a code above 1000
        "2019 , 152 ,842,010125,1.5,2.5\n" +                   // spaces around every field
        "2019,152,842,010126,\t1.5,2.5\n" +                    // a tab: CsvHelper trims it
        "2019,152,842,010127,+1.5,2.5\n" +                     // a sign: the general parser
        "2019,152,842,010128,1e3,2.5\n" +                      // an exponent
        "2019,152,842,010129,1234567890.1234567,2.5\n" +       // more than 15 digits
        "2019,152,842,010130,abc,1.000\n" +                    // quarantined: v
        "2019,152,842,010131,1.0,-2\n" +                       // quarantined: q
        "2019,999,842,010132,1.0,2\n" +                        // quarantined: unknown exporter
        "2019,152,99x,010133,1.0,2\n" +                        // quarantined: importer not a number
        "2019,152,842,0101345,1.0,2\n" +                       // quarantined: product of seven digits
        "1899,152,842,010135,1.0,2\n" +                        // quarantined: year
        "2020,152,842,010136,1.0,2\n" +                        // outside the years asked for
        "2020,999,842,010137,1.0,2\n" +                        // outside the years, whatever the rest
        "2019,152,842,010138,1.0\n" +                          // five fields
        "2019,152,842,010139,1,234.5,2\n" +                    // seven fields (thousands separator)
        "2019,152,842,010140,1.0,2,\n" +                       // a trailing comma
        "    \n" +                                             // spaces only: no record
        "2019,152,842,010141,2.0,3.0\n" +
        "2019,152,842,010141,2.0,3.0\n" +                      // given twice
        "2019,152,842,010142,7.25,8";                          // no line break at the end

    static BaciRecordParser Parser() => new("test.csv", Countries, (2019, 2019));

    static List<BaciRecord> ByCsvHelper(string text)
    {
        var parser = Parser();
        using var csv = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), CsvDefaults.Options, leaveOpen: false);
        var records = new List<BaciRecord>();
        while (csv.Read()) records.Add(parser.Parse(csv));
        return records;
    }

    static (List<BaciRecord> Records, BaciLineScanner Scanner, BaciRecordParser Parser) ByScanner(string text, int batch = 4)
    {
        var parser = Parser();
        var scanner = new BaciLineScanner(new MemoryStream(Encoding.UTF8.GetBytes(text)), parser, (2019, 2019));
        var records = new List<BaciRecord>();
        if (scanner.ReadHeader())
        {
            var buffer = new BaciRecord[batch];
            int n;
            while ((n = scanner.Fill(buffer)) > 0) records.AddRange(buffer.AsSpan(0, n));
        }
        if (scanner.Stopped)
        {
            var offset = scanner.LinesRead;
            var options = offset == 0 ? CsvDefaults.Options : CsvDefaults.Options with { HasHeader = false };
            using var csv = CsvReader.Create(scanner.Remainder(), options, leaveOpen: false);
            while (csv.Read()) records.Add(parser.Parse(csv, offset));
        }
        return (records, scanner, parser);
    }

    [Fact]
    public void Every_line_gives_the_record_CsvHelper_gives_without_handing_over()
    {
        var text = "t,i,j,k,v,q\n" + Lines;
        var expected = ByCsvHelper(text);
        var (records, scanner, parser) = ByScanner(text);

        Assert.False(scanner.Stopped);
        Assert.Equal(26, scanner.LinesRead);
        Assert.Equal(expected, records);
        // What the cases above must give, worked out by hand.
        // The line of spaces only (23) gives no record, in CsvHelper as here.
        Assert.Equal(24, records.Count);
        Assert.Equal(Enumerable.Range(2, 21).Concat([24, 25, 26]).Select(l => (long)l), records.Select(r => r.Line));
        Assert.Equal(13, records.Count(r => r.Kind == BaciRecordKind.Flow));
        Assert.Equal(2, records.Count(r => r.Kind == BaciRecordKind.OutsideYears));
        Assert.Equal(["v", "q", "i", "j", "k", "t", null, null, null],
            records.Where(r => r.Kind == BaciRecordKind.Quarantined).Select(r => r.Quarantine!.Column));
        Assert.Equal(78_810.0, records[0].ValueUsd);
        Assert.Equal(93.224, records[0].QuantityTonnes);
        Assert.Null(records[1].QuantityTonnes);
        Assert.Equal("010121", parser.ProductCode(records[1].Product));
        Assert.Null(records[2].QuantityTonnes);
        Assert.Null(records[3].QuantityTonnes);
        Assert.Equal((1200, 1000.0, 2.0), (records[4].Importer, records[4].ValueUsd, records[4].QuantityTonnes));
        Assert.Equal(1500.0, records[6].ValueUsd);
        Assert.Equal(1500.0, records[7].ValueUsd);
        Assert.Equal(1_000_000.0, records[8].ValueUsd);
        Assert.Equal("2019,152,842,010130,abc,1.000", records[10].Quarantine!.RawRecord);
        Assert.Equal(1_234_567_890_123.4567, records[9].ValueUsd);
        Assert.Equal((7250.0, 8.0), (records[23].ValueUsd, records[23].QuantityTonnes));
    }

    [Theory]
    [InlineData("2019,152,842,010150,\"1.0\",2\n", 7)]    // a quote: the rest is CsvHelper's
    [InlineData("2019,152,842,010150,\"1\n.0\",2\n", 7)]  // a quoted line break
    [InlineData("\n", 8)]                                 // an empty line (CsvHelper skips it)
    [InlineData("\r\n", 8)]
    [InlineData("2019,152,842,01\r0150,1.0,2\n", 7)]      // a lone carriage return
    [InlineData("2019,152,842,010150,1.0,2 é\n", 7)]      // not ASCII
    public void From_a_line_it_cannot_vouch_for_the_rest_of_the_file_is_read_by_CsvHelper(string odd, long nextLine)
    {
        var lines = Lines.Split('\n');
        var text = "t,i,j,k,v,q\n" + string.Join('\n', lines[..5]) + "\n" + odd + string.Join('\n', lines[5..]);
        var expected = ByCsvHelper(text);
        var (records, scanner, _) = ByScanner(text);

        Assert.True(scanner.Stopped);
        Assert.Equal(6, scanner.LinesRead);
        Assert.Equal(expected, records);
        Assert.Equal(6, records[4].Line);
        Assert.Equal(nextLine, records[5].Line);
    }

    [Theory]
    [InlineData("\"t\",\"i\",\"j\",\"k\",\"v\",\"q\"\n")]
    [InlineData("t,i,j,k,v\n")]
    [InlineData("\n\nt,i,j,k,v,q\n")]
    public void A_header_other_than_the_published_one_leaves_the_whole_file_to_CsvHelper(string header)
    {
        var text = header + Lines;
        var (records, scanner, _) = ByScanner(text);

        Assert.True(scanner.Stopped);
        Assert.Equal(0, scanner.LinesRead);
        Assert.Equal(ByCsvHelper(text), records);
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_header_are_the_published_header()
    {
        var text = "\uFEFFt,i,j,k,v,q\r\n" + Lines;
        var (records, scanner, _) = ByScanner(text, batch: 1000);

        Assert.False(scanner.Stopped);
        Assert.Equal(ByCsvHelper(text), records);
    }

    [Fact]
    public void Product_codes_have_one_shared_six_digit_text_each_however_many_and_from_several_threads()
    {
        var parser = Parser();
        // 27,027 codes, many times the table's first size; two threads ask for each, in opposite orders.
        var codes = Enumerable.Range(0, 1_000_000 / 37).Select(i => i * 37).ToArray();
        var texts = new string[2][];
        Parallel.For(0, 2, t =>
        {
            var mine = new string[codes.Length];
            for (var n = 0; n < codes.Length; n++)
            {
                var i = t == 0 ? n : codes.Length - 1 - n;
                mine[i] = parser.ProductCode(codes[i]);
            }
            texts[t] = mine;
        });

        Assert.Equal("000000", texts[0][0]);
        Assert.Equal("000037", texts[0][1]);
        Assert.Equal("999962", texts[0][^1]); // 27,026 x 37
        for (var i = 0; i < codes.Length; i++)
        {
            Assert.Equal(codes[i].ToString("D6"), texts[0][i]);
            Assert.Same(texts[0][i], texts[1][i]);
            Assert.Same(texts[0][i], parser.ProductCode(codes[i]));
        }
    }
}
