using System.Globalization;

namespace ClusterEtl.Transforms.Connectors.Table;

/// <summary>
/// The units a <c>table</c> source may declare, with their factor to the lake's standard units: prices to USD per tonne,
/// quantities to kg (exports) or tonnes (production), areas to hectares. A unit not listed is kept as written, without a
/// standard value; a price or value in a currency other than USD has no USD figure (no exchange rates are applied).
/// </summary>
public static class TableUnits
{
    const double KgPerLb = 0.45359237;

    static readonly Dictionary<string, double> UsdPerTonne = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD/t"] = 1, ["USD/tonne"] = 1, ["USD/kg"] = 1000, ["USD/lb"] = 1000 / KgPerLb,
        ["US cents/lb"] = 10 / KgPerLb, ["USc/lb"] = 10 / KgPerLb, ["cents/lb"] = 10 / KgPerLb,
    };

    static readonly Dictionary<string, double> Kg = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kg"] = 1, ["t"] = 1000, ["tonnes"] = 1000, ["lb"] = KgPerLb, ["60 kg bags"] = 60,
    };

    static readonly Dictionary<string, double> Hectares = new(StringComparer.OrdinalIgnoreCase) { ["ha"] = 1, ["km2"] = 100, ["acres"] = 0.40468564224 };

    static readonly Dictionary<string, double> Money = new(StringComparer.OrdinalIgnoreCase) { ["USD"] = 1, ["1000 USD"] = 1000, ["million USD"] = 1e6 };

    /// <summary>A price in USD per tonne; null for another currency or an unknown unit.</summary>
    public static double? PriceUsdPerTonne(double price, string unit, string currency) =>
        currency.Equals("USD", StringComparison.OrdinalIgnoreCase) && UsdPerTonne.TryGetValue(unit.Trim(), out var f) ? price * f : null;

    /// <summary>A value in USD ("USD", "1000 USD", "million USD"); null for another currency.</summary>
    public static double? ValueUsd(double value, string currency) => Money.TryGetValue(currency.Trim(), out var f) ? value * f : null;

    public static double? Kilograms(double? quantity, string? unit) =>
        quantity is { } q && unit is not null && Kg.TryGetValue(unit.Trim(), out var f) ? q * f : null;

    public static double? Tonnes(double? quantity, string? unit) => Kilograms(quantity, unit) / 1000;

    public static double? Ha(double? area, string? unit) =>
        area is { } a && unit is not null && Hectares.TryGetValue(unit.Trim(), out var f) ? a * f : null;

    /// <summary>Every unit with a standard factor, for the README and error messages.</summary>
    public static string Known => string.Join(", ", UsdPerTonne.Keys.Concat(Kg.Keys).Concat(Hectares.Keys).Concat(Money.Keys)
        .Select(k => k.ToString(CultureInfo.InvariantCulture)));
}
