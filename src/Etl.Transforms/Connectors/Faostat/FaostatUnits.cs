namespace ClusterEtl.Transforms.Connectors.Faostat;

/// <summary>
/// Brings FAOSTAT units to the standard ones the marts use: t, ha, kg/ha, An, kg/An, No, USD, USD/t, LCU/t, SLC/t.
/// Thousands are multiplied out (<c>1000 USD</c>, <c>1000 US$</c> → USD ×1000; <c>1000 An</c>, <c>1000 Head</c> → An ×1000),
/// older yield units converted (<c>hg/ha</c> and <c>100 g/ha</c> → kg/ha ×0.1; <c>hg/An</c> → kg/An ×0.1). Producer prices
/// (PP elements 5530/5531/5532) carry "LCU", "SLC" or "USD" in the Unit column while the element names the per-tonne
/// unit: the element decides. A unit not listed here is kept as it is (factor 1); the original unit is always kept too.
/// </summary>
public static class FaostatUnits
{
    static readonly Dictionary<string, StandardUnit> ByUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["t"] = new("t", 1), ["tonnes"] = new("t", 1), ["tonne"] = new("t", 1), ["1000 t"] = new("t", 1000),
        ["kg"] = new("t", 0.001),
        ["ha"] = new("ha", 1), ["1000 ha"] = new("ha", 1000),
        ["kg/ha"] = new("kg/ha", 1), ["hg/ha"] = new("kg/ha", 0.1), ["100 g/ha"] = new("kg/ha", 0.1), ["t/ha"] = new("kg/ha", 1000),
        ["An"] = new("An", 1), ["Head"] = new("An", 1), ["1000 An"] = new("An", 1000), ["1000 Head"] = new("An", 1000),
        ["No"] = new("No", 1), ["1000 No"] = new("No", 1000),
        ["kg/An"] = new("kg/An", 1), ["hg/An"] = new("kg/An", 0.1), ["100 g/An"] = new("kg/An", 0.1),
        ["g/An"] = new("kg/An", 0.001), ["0.1 g/An"] = new("kg/An", 0.0001), ["100 mg/An"] = new("kg/An", 0.0001),
        ["USD"] = new("USD", 1), ["US$"] = new("USD", 1), ["1000 USD"] = new("USD", 1000), ["1000 US$"] = new("USD", 1000),
        ["USD/t"] = new("USD/t", 1), ["USD/tonne"] = new("USD/t", 1), ["LCU/t"] = new("LCU/t", 1), ["LCU/tonne"] = new("LCU/t", 1),
        ["SLC/t"] = new("SLC/t", 1), ["SLC/tonne"] = new("SLC/t", 1),
    };

    /// <summary>Producer price elements: their unit whatever the Unit column says.</summary>
    static readonly Dictionary<int, StandardUnit> ByElement = new()
    {
        [5530] = new("LCU/t", 1), // Producer Price (LCU/tonne)
        [5531] = new("SLC/t", 1), // Producer Price (SLC/tonne)
        [5532] = new("USD/t", 1), // Producer Price (USD/tonne)
        [5539] = new("index", 1), // Producer Price Index (2014-2016 = 100)
    };

    public static StandardUnit Standard(int elementCode, string unit) =>
        ByElement.TryGetValue(elementCode, out var e) ? e
        : ByUnit.TryGetValue(unit.Trim(), out var u) ? u
        : new StandardUnit(unit.Trim(), 1);
}
