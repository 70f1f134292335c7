using System.Globalization;
using System.Text;
using CsvHelper;
using ClusterEtl.Transforms.Lake;

namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// Reads the current record of a BACI data file (<c>t,i,j,k,v,q</c>) into a <see cref="BaciRecord"/>: k kept as
/// 6-character text, v (thousand USD) to USD, <c>NA</c> quantities as null, exporter and importer looked up in the
/// release's country codes. A record that cannot be read becomes a quarantine row with file, line, column, reason
/// and the raw record. Thread-safe: the workers of <see cref="CsvReader.ParallelEnumerate{T}(Func{CsvReader, T}, int)"/>
/// share one parser, each with its own reader.
/// </summary>
public sealed class BaciRecordParser
{
    readonly string _fileDisplay;
    readonly (int First, int Last)? _years;
    // Countries by code, for a lookup without hashing (BACI codes are below 1000; others go through the dictionary).
    readonly BaciCountry?[] _countryByCode;
    readonly IReadOnlyDictionary<int, BaciCountry> _countries;
    // One string per product code, shared by every row: rows cost no allocation.
    readonly BaciProductCodes _productCodes = new();

    public BaciRecordParser(string fileDisplay, IReadOnlyDictionary<int, BaciCountry> countries, (int First, int Last)? years)
    {
        _fileDisplay = fileDisplay;
        _years = years;
        _countries = countries;
        _countryByCode = new BaciCountry?[1000];
        foreach (var (code, country) in countries)
            if (code is >= 0 and < 1000) _countryByCode[code] = country;
    }

    /// <summary>The country of a code that <see cref="Parse"/> accepted.</summary>
    public BaciCountry Country(int code) => code is >= 0 and < 1000 ? _countryByCode[code]! : _countries[code];

    /// <summary>The six-digit text of a product code that <see cref="Parse"/> accepted (a shared instance).</summary>
    public string ProductCode(int code) => _productCodes.Get(code);

    /// <summary>Reads the record <paramref name="csv"/> is on (a worker's reader, or the file's own).</summary>
    public BaciRecord Parse(CsvReader csv) => Parse(csv, 0);

    /// <summary>Reads the record <paramref name="csv"/> is on, a reader that started <paramref name="lineOffset"/> lines
    /// into the file (its line numbers are shifted by that much).</summary>
    public BaciRecord Parse(CsvReader csv, long lineOffset)
    {
        var line = csv.LineNumber + lineOffset;
        if (csv.FieldCount != 6)
            return Quarantine(csv, line, null, $"expected 6 fields (t,i,j,k,v,q), found {csv.FieldCount}", SplitRow(csv));
        if (!TryInt(csv, 0, out var year) || year is < 1900 or > 2100)
            return Quarantine(csv, line, "t", $"'{csv.GetString(0)}' is not a year", default);
        if (_years is { } range && (year < range.First || year > range.Last))
            return BaciRecord.OutsideYears(line);
        var known = new Known(year, null, null, null);
        if (!TryCountry(csv, 1, out var exporter)) return CountryError(csv, line, 1, "i", "exporter", known);
        known = known with { Reporter = Country(exporter).Iso3 };
        if (!TryCountry(csv, 2, out var importer)) return CountryError(csv, line, 2, "j", "importer", known);
        if (!TryProduct(csv, out var product))
            return Quarantine(csv, line, "k", $"'{csv.GetString(3)}' is not an HS6 product code", known);
        known = known with { Product = _productCodes.Get(product) };
        if (!TryDouble(csv, csv.GetSpan(4), 4, out var v) || !double.IsFinite(v) || v < 0)
            return Quarantine(csv, line, "v", $"'{csv.GetString(4)}' is not a trade value (thousand USD, a number >= 0)", known);
        double? tonnes = null;
        var q = csv.GetSpan(5);
        if (!(q.IsEmpty || q.SequenceEqual("NA"u8)))
        {
            if (!TryDouble(csv, q, 5, out var t) || !double.IsFinite(t) || t < 0)
                return Quarantine(csv, line, "q", $"'{csv.GetString(5)}' is not a quantity (tonnes, a number >= 0, or NA)", known with { ValueUsd = v * 1000.0 });
            tonnes = t;
        }
        return BaciRecord.Flow(line, year, exporter, importer, product, v * 1000.0, tonnes);
    }

    /// <summary>Whether <paramref name="code"/> is in the release's country codes (as <see cref="Parse(CsvReader)"/> checks it).</summary>
    internal bool IsCountry(int code) => code is >= 0 and < 1000 ? _countryByCode[code] is not null : _countries.ContainsKey(code);


    /// <summary>What a quarantined row's fields still tell: its year, exporter, product, value (what its loss weighs).</summary>
    readonly record struct Known(int? Year, string? Reporter, string? Product, double? ValueUsd);

    /// <summary>
    /// A row with more than six fields: when its year, countries and product read, and the fields between the product and
    /// the quantity join into one number in thousands groups (an unquoted "1,234.5"), what it holds is known; it is still
    /// quarantined, never repaired, but its value counts against the exporter's limit.
    /// </summary>
    Known SplitRow(CsvReader csv)
    {
        if (csv.FieldCount < 6 || !TryInt(csv, 0, out var year) || year is < 1900 or > 2100) return default;
        string? reporter = TryCountry(csv, 1, out var exporter) ? Country(exporter).Iso3 : null;
        string? product = TryProduct(csv, out var code) ? _productCodes.Get(code) : null;
        if (csv.FieldCount == 6) return new Known(year, reporter, product, null);
        var joined = string.Concat(Enumerable.Range(4, csv.FieldCount - 5).Select(csv.GetString));
        var groups = Enumerable.Range(4, csv.FieldCount - 5).Select(csv.GetString).ToList();
        var inGroups = groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit) &&
                       groups.Skip(1).All(g => g.Split('.')[0] is { Length: 3 } whole && whole.All(char.IsAsciiDigit));
        double? value = inGroups && double.TryParse(joined, NumberStyles.Float, CultureInfo.InvariantCulture, out var thousands)
            ? thousands * 1000.0 : null;
        return new Known(year, reporter, product, value);
    }

    bool TryCountry(CsvReader csv, int index, out int code) => TryInt(csv, index, out code) && IsCountry(code);

    static bool TryInt(CsvReader csv, int index, out int value) =>
        BaciNumbers.TryDigits(csv.GetSpan(index), out value) || csv.TryParse(index, out value);

    static bool TryDouble(CsvReader csv, ReadOnlySpan<byte> field, int index, out double value) =>
        BaciNumbers.TryDecimal(field, out value) || csv.TryParse(index, out value);

    BaciRecord CountryError(CsvReader csv, long line, int index, string column, string role, Known known) =>
        Quarantine(csv, line, column, csv.TryParse<int>(index, out _)
            ? $"{role} code {csv.GetString(index)} is not in the country-code file"
            : $"'{csv.GetString(index)}' is not a BACI country code", known);

    bool TryProduct(CsvReader csv, out int code)
    {
        var span = csv.GetSpan(3);
        if (span.Length <= 6 && BaciNumbers.TryDigits(span, out code)) return true;
        code = 0;
        return false;
    }

    BaciRecord Quarantine(CsvReader csv, long line, string? column, string reason, Known known) =>
        BaciRecord.Quarantined(new QuarantinedRow(_fileDisplay, line, column, reason, Encoding.UTF8.GetString(csv.RawRecord),
            known.Year, known.Reporter, known.Product, known.ValueUsd));
}
