using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Normalize.Faostat;

/// <summary>An area as the file codes it, resolved through the country reference.</summary>
/// <param name="Entity">The reference entity (BLX, CHN351 …), null for an aggregate the reference does not list.</param>
/// <param name="Iso3">ISO3, null for aggregates (World, regions, FAO 351 China).</param>
public sealed record FaoArea(int? CodeFao, string? CodeM49, string Name, string? Entity, string? Iso3, bool IsAggregate);

/// <summary>An item: FAO code and CPC (either may be missing from the file and resolved through the item reference).</summary>
public sealed record FaoItem(int? CodeFao, string? CodeCpc, string Name, bool InReference);

/// <summary>What every FAOSTAT row carries besides its areas: item, element, time, value, unit, flag, note, provenance.</summary>
public struct FaoMeasure
{
    public string Domain;
    public FaoItem Item;
    public int ElementCode;
    public string Element;
    public int Year;
    public int? Month;
    public string Unit;
    public double? Value;
    public StandardUnit Standard;
    public string Flag;
    public string? FlagMeaning;
    public string? Note;
    public string Layout;
    public string File;
}

/// <summary>One row of <c>fao_observations</c>.</summary>
public readonly record struct FaoObservation(FaoArea Area, FaoMeasure Measure);

/// <summary>One row of <c>fao_trade_matrix</c>.</summary>
public readonly record struct FaoTradeMatrixRow(FaoArea Reporter, FaoArea Partner, FaoMeasure Measure);

/// <summary>The columns of an area, prefixed (<c>area_</c>, <c>reporter_</c>, <c>partner_</c>).</summary>
sealed class AreaColumns(string prefix, string nameColumn)
{
    public readonly NullableInt32Column CodeFao = new(prefix + "code_fao");
    public readonly StringColumn CodeM49 = new(prefix + "code_m49", true);
    public readonly StringColumn Name = new(nameColumn, false);
    public readonly StringColumn Entity = new(prefix + "entity", true);
    public readonly StringColumn Iso3 = new(prefix + "iso3", true);
    public readonly BooleanColumn IsAggregate = new(prefix + "is_aggregate");

    public ParquetColumn[] All => [CodeFao, CodeM49, Name, Entity, Iso3, IsAggregate];

    public void Set(int i, FaoArea a)
    {
        CodeFao.Set(i, a.CodeFao);
        CodeM49.Set(i, a.CodeM49);
        Name.Set(i, a.Name);
        Entity.Set(i, a.Entity);
        Iso3.Set(i, a.Iso3);
        IsAggregate.Set(i, a.IsAggregate);
    }
}

/// <summary>The item, element, time, value, flag and provenance columns shared by both tables.</summary>
sealed class MeasureColumns(string extractId)
{
    public readonly NullableInt32Column ItemCodeFao = new("item_code_fao");
    public readonly StringColumn ItemCodeCpc = new("item_code_cpc", true);
    public readonly StringColumn Item = new("item", false);
    public readonly BooleanColumn ItemInReference = new("item_in_reference");
    public readonly Int32Column ElementCode = new("element_code");
    public readonly StringColumn Element = new("element", false);
    public readonly Int32Column Year = new("year");
    public readonly NullableInt32Column Month = new("month");
    public readonly StringColumn Unit = new("unit", false);
    public readonly NullableDoubleColumn Value = new("value");
    public readonly StringColumn StdUnit = new("std_unit", false);
    public readonly NullableDoubleColumn ValueStd = new("value_std");
    public readonly StringColumn Flag = new("flag", false);
    public readonly StringColumn FlagMeaning = new("flag_meaning", true);
    public readonly StringColumn Note = new("note", true);
    public readonly StringColumn Layout = new("layout", false);
    public readonly StringColumn SourceFile = new("source_file", false);
    public readonly StringColumn ExtractId = new("extract_id", false);

    public ParquetColumn[] Item_ => [ItemCodeFao, ItemCodeCpc, Item, ItemInReference];
    public ParquetColumn[] Rest => [ElementCode, Element, Year, Month, Unit, Value, StdUnit, ValueStd, Flag, FlagMeaning, Note, Layout,
        SourceFile, ExtractId];

    public void Set(int i, in FaoMeasure m)
    {
        ItemCodeFao.Set(i, m.Item.CodeFao);
        ItemCodeCpc.Set(i, m.Item.CodeCpc);
        Item.Set(i, m.Item.Name);
        ItemInReference.Set(i, m.Item.InReference);
        ElementCode.Set(i, m.ElementCode);
        Element.Set(i, m.Element);
        Year.Set(i, m.Year);
        Month.Set(i, m.Month);
        Unit.Set(i, m.Unit);
        Value.Set(i, m.Value);
        StdUnit.Set(i, m.Standard.Unit);
        ValueStd.Set(i, m.Value * m.Standard.Factor);
        Flag.Set(i, m.Flag);
        FlagMeaning.Set(i, m.FlagMeaning);
        Note.Set(i, m.Note);
        Layout.Set(i, m.Layout);
        SourceFile.Set(i, m.File);
        ExtractId.Set(i, extractId);
    }
}

/// <summary>A table's columns, and how a row fills them.</summary>
public interface IFaoColumns<TRow>
{
    ParquetColumn[] All { get; }
    void Set(int i, in TRow row);
}

public sealed class FaoObservationColumns(string extractId) : IFaoColumns<FaoObservation>
{
    readonly StringColumn _domain = new("domain", false);
    readonly AreaColumns _area = new("area_", "area");
    readonly MeasureColumns _measure = new(extractId);

    public ParquetColumn[] All => [_domain, .. _area.All, .. _measure.Item_, .. _measure.Rest];

    public void Set(int i, in FaoObservation row)
    {
        _domain.Set(i, row.Measure.Domain);
        _area.Set(i, row.Area);
        _measure.Set(i, row.Measure);
    }
}

public sealed class FaoTradeMatrixColumns(string extractId) : IFaoColumns<FaoTradeMatrixRow>
{
    readonly StringColumn _domain = new("domain", false);
    readonly AreaColumns _reporter = new("reporter_", "reporter");
    readonly AreaColumns _partner = new("partner_", "partner");
    readonly MeasureColumns _measure = new(extractId);

    public ParquetColumn[] All => [_domain, .. _reporter.All, .. _partner.All, .. _measure.Item_, .. _measure.Rest];

    public void Set(int i, in FaoTradeMatrixRow row)
    {
        _domain.Set(i, row.Measure.Domain);
        _reporter.Set(i, row.Reporter);
        _partner.Set(i, row.Partner);
        _measure.Set(i, row.Measure);
    }
}

/// <summary>
/// Writes <c>&lt;table&gt;/source=&lt;id&gt;/year=&lt;yyyy&gt;/part-0.parquet</c>, one file per year, a row group every
/// <see cref="RowGroupSize"/> rows (memory bounded by the years open, not by the rows).
/// </summary>
public sealed class FaoTableWriter<TRow, TColumns>(string root, string table, string sourceId, Func<TColumns> columns)
    : IAsyncDisposable where TColumns : IFaoColumns<TRow>
{
    public const int RowGroupSize = 65_536;
    readonly Dictionary<int, (ParquetTableWriter Writer, TColumns Columns)> _byYear = new();

    public long Rows { get; private set; }
    public IReadOnlyCollection<int> Years => _byYear.Keys;

    public async ValueTask WriteAsync(int year, TRow row, CancellationToken ct)
    {
        if (!_byYear.TryGetValue(year, out var target))
        {
            var c = columns();
            var path = Path.Combine(root, table, $"source={sourceId}", $"year={year}", "part-0.parquet");
            target = (await ParquetTableWriter.CreateAsync(path, c.All, RowGroupSize, ct), c);
            _byYear[year] = target;
        }
        target.Columns.Set(target.Writer.Pending, row);
        await target.Writer.CommitRowAsync(ct);
        Rows++;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (w, _) in _byYear.Values) await w.DisposeAsync();
        _byYear.Clear();
    }
}

/// <summary>The two FAOSTAT lake tables.</summary>
public static class FaostatTables
{
    public const string Observations = "fao_observations";
    public const string TradeMatrix = "fao_trade_matrix";

    public static readonly NormalizedTable ObservationsTable = new(Observations, ByYear: true, () => new FaoObservationColumns("").All);
    public static readonly NormalizedTable TradeMatrixTable = new(TradeMatrix, ByYear: true, () => new FaoTradeMatrixColumns("").All);
}
