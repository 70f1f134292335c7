using System.Globalization;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// Thresholds of the cross-source checks (marts.source_reconciliation), top-level settings of <c>pipelines/warehouse.json</c>.
/// A check's gap index above its threshold flags the row. The discrepancy thresholds are in [0, 1]: 0.1 flags two sources
/// of which one is more than 22% above the other (|L - R| / (L + R) > 0.1 means L / R > 1.1 / 0.9).
/// </summary>
/// <param name="FaoTradeDiscrepancy">FAOSTAT TCL exports against BACI/Comtrade, value and quantity.</param>
/// <param name="MirrorDiscrepancy">Reported exports against mirror imports converted to FOB.</param>
/// <param name="ExportShare">Export share of production (FAOSTAT): 1 flags exports above 100% of production.</param>
/// <param name="CensusDiscrepancy">DENUE establishments against census units (a register and a census some years apart).</param>
public sealed record ReconciliationThresholds(double FaoTradeDiscrepancy = 0.1, double MirrorDiscrepancy = 0.1,
    double ExportShare = 1, double CensusDiscrepancy = 0.2)
{
    /// <summary>The settings' names in <c>warehouse.json</c>, <c>ref.settings</c> and the models' variables.</summary>
    public static readonly string[] Names =
        ["fao_trade_discrepancy_threshold", "mirror_discrepancy_threshold", "export_share_threshold", "census_discrepancy_threshold"];

    public static ReconciliationThresholds? Read(JsonFields f)
    {
        var d = new ReconciliationThresholds();
        if (Names.All(n => f.OptionalNumber(n, 0, 1000) is null)) return null;
        return new ReconciliationThresholds(
            f.OptionalNumber(Names[0], 0, 1) ?? d.FaoTradeDiscrepancy,
            f.OptionalNumber(Names[1], 0, 1) ?? d.MirrorDiscrepancy,
            f.OptionalNumber(Names[2], 0, 1000) ?? d.ExportShare,
            f.OptionalNumber(Names[3], 0, 1) ?? d.CensusDiscrepancy);
    }

    /// <summary>Name, value and description of each threshold, for <c>ref.settings</c>.</summary>
    public IReadOnlyList<(string Name, string Value, string Description)> Entries =>
    [
        (Names[0], Text(FaoTradeDiscrepancy),
            "Discrepancy |L - R| / (L + R) above which FAOSTAT exports and BACI/Comtrade exports are flagged in marts.source_reconciliation."),
        (Names[1], Text(MirrorDiscrepancy),
            "Discrepancy above which reported exports and mirror imports (FOB) are flagged in marts.source_reconciliation."),
        (Names[2], Text(ExportShare),
            "Export share of production (FAOSTAT exports / production) above which marts.source_reconciliation flags a row (1 = 100%)."),
        (Names[3], Text(CensusDiscrepancy),
            "Discrepancy above which DENUE establishments and census units are flagged in marts.source_reconciliation."),
    ];

    static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
