using ClusterEtl.Transforms.Parquet;

namespace ClusterEtl.Transforms.Connectors.Faostat;

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

    public ParquetColumn[] ItemColumns => [ItemCodeFao, ItemCodeCpc, Item, ItemInReference];
    public ParquetColumn[] OtherColumns => [ElementCode, Element, Year, Month, Unit, Value, StdUnit, ValueStd, Flag, FlagMeaning, Note, Layout,
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
