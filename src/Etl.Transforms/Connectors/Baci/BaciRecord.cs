using ClusterEtl.Transforms.Lake;
namespace ClusterEtl.Transforms.Connectors.Baci;

/// <summary>
/// One record of a BACI data file, read and checked (by <see cref="BaciRecordParser"/>, possibly on a worker thread):
/// a trade flow in the units of <c>trade_flows</c>, a row for quarantine, or a row outside the years asked for.
/// Codes are kept as numbers (the parser turns them into its shared instances) so that the record holds a single
/// reference: records are copied several times between threads, and copying references costs far more.
/// </summary>
public readonly struct BaciRecord
{
    public BaciRecordKind Kind { get; private init; }
    /// <summary>The line where the record starts.</summary>
    public long Line { get; private init; }
    public int Year { get; private init; }
    /// <summary>The BACI code of the exporter (see <see cref="BaciRecordParser.Country"/>).</summary>
    public int Exporter { get; private init; }
    /// <summary>The BACI code of the importer.</summary>
    public int Importer { get; private init; }
    /// <summary>The HS code as a number (see <see cref="BaciRecordParser.ProductCode"/>).</summary>
    public int Product { get; private init; }
    public double ValueUsd { get; private init; }
    /// <summary>The quantity in tonnes as published; null for <c>NA</c> or empty.</summary>
    public double? QuantityTonnes { get; private init; }
    /// <summary>Why and where the record was quarantined (<see cref="BaciRecordKind.Quarantined"/> only).</summary>
    public QuarantinedRow? Quarantine { get; private init; }

    public static BaciRecord Flow(long line, int year, int exporter, int importer, int product,
        double valueUsd, double? quantityTonnes) => new()
    {
        Kind = BaciRecordKind.Flow, Line = line, Year = year, Exporter = exporter, Importer = importer,
        Product = product, ValueUsd = valueUsd, QuantityTonnes = quantityTonnes,
    };

    public static BaciRecord Quarantined(QuarantinedRow row) =>
        new() { Kind = BaciRecordKind.Quarantined, Line = row.Line, Quarantine = row };

    public static BaciRecord OutsideYears(long line) =>
        new() { Kind = BaciRecordKind.OutsideYears, Line = line };
}
