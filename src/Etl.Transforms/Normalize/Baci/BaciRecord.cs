namespace ClusterEtl.Transforms.Normalize.Baci;

/// <summary>What became of one record of a BACI data file.</summary>
public enum BaciRecordKind : byte { Flow, Quarantined, OutsideYears }

/// <summary>
/// One record of a BACI data file, read and checked (by <see cref="BaciRecordParser"/>, possibly on a worker thread):
/// a trade flow in the units of <c>trade_flows</c>, a row for quarantine, or a row outside the years asked for.
/// </summary>
public readonly struct BaciRecord
{
    public BaciRecordKind Kind { get; private init; }
    /// <summary>The line where the record starts.</summary>
    public long Line { get; private init; }
    public int Year { get; private init; }
    public BaciCountry Exporter { get; private init; }
    public BaciCountry Importer { get; private init; }
    /// <summary>Six-digit HS code, a cached instance per code.</summary>
    public string Product { get; private init; }
    public double ValueUsd { get; private init; }
    /// <summary>The quantity in tonnes as published; null for <c>NA</c> or empty.</summary>
    public double? QuantityTonnes { get; private init; }
    /// <summary>Why and where the record was quarantined (<see cref="BaciRecordKind.Quarantined"/> only).</summary>
    public QuarantinedRow? Quarantine { get; private init; }

    public static BaciRecord Flow(long line, int year, BaciCountry exporter, BaciCountry importer, string product,
        double valueUsd, double? quantityTonnes) => new()
    {
        Kind = BaciRecordKind.Flow, Line = line, Year = year, Exporter = exporter, Importer = importer,
        Product = product, ValueUsd = valueUsd, QuantityTonnes = quantityTonnes,
    };

    public static BaciRecord Quarantined(QuarantinedRow row) =>
        new() { Kind = BaciRecordKind.Quarantined, Line = row.Line, Quarantine = row, Exporter = null!, Importer = null!, Product = null! };

    public static BaciRecord OutsideYears(long line) =>
        new() { Kind = BaciRecordKind.OutsideYears, Line = line, Exporter = null!, Importer = null!, Product = null! };
}
