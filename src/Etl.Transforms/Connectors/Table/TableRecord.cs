namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// One row of a user's table as read: each field's text, its numbers, the ISO3 codes of its country fields, the product's
/// FAO item or HS code resolved through the reference, the group the row belongs to, and where it comes from.
/// </summary>
public sealed class TableRecord
{
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, double> Numbers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Iso3 { get; } = new(StringComparer.Ordinal);
    public int Year { get; set; }
    public int? Month { get; set; }
    public int? FaoItemCode { get; set; }
    public string? HsCode { get; set; }
    public string? Group { get; set; }
    public string File { get; set; } = "";
    public long Line { get; set; }

    public string? Text(string field) => Texts.TryGetValue(field, out var t) && t.Length > 0 ? t : null;
    public double? Number(string field) => Numbers.TryGetValue(field, out var n) ? n : null;
    public string? CountryIso3(string field) => Iso3.TryGetValue(field, out var c) ? c : null;
}
