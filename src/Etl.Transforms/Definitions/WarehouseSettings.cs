using System.Globalization;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// Parameters of the SQL models, from <c>pipelines/warehouse.json</c> (optional; defaults below). Each is set as a
/// DuckDB variable of the same name for the models (<c>getvariable('cif_fob_margin')</c>) and listed in
/// <c>ref.settings</c> so analysts see which values built the warehouse.
/// </summary>
/// <param name="CifFobMargin">Share by which a CIF import value exceeds the FOB export value of the same goods
/// (freight and insurance); mirror imports are divided by (1 + margin). 0.08 as in Open Trade Statistics.</param>
/// <param name="DecompositionWindowYears">Window of the long export decomposition, in years (besides consecutive years).</param>
/// <param name="PriceBaseYear">Base year of real prices (marts.cluster_prices).</param>
/// <param name="QuadrantTolerance">Relative change of market share or relative unit value (0.001 = 0.1%) at or below which the
/// Kaplinsky-Readman quadrant counts it as no change (quadrant 'within tolerance'), so float noise never decides it.</param>
/// <param name="Engine">How much of the machine DuckDB may use (the <c>duckdb</c> object).</param>
/// <param name="KeepPublishedBuilds">How many published builds (<c>published/&lt;run&gt;/</c>) to keep, the current one included.</param>
/// <param name="SiteLanguage">Language of the site written with every published build (<c>site/</c>): en or es.</param>
/// <param name="ComplexityRcaThreshold">RCA at or above which a country is present in a product (M_cp = 1) for economic
/// complexity (marts.country_product_complexity); 1 as in the Growth Lab's ecomplexity.</param>
/// <param name="Reconciliation">Thresholds of the cross-source checks (marts.source_reconciliation).</param>
/// <param name="UnitValueBandK">Half-width of the robust unit value bands of marts.unit_value_checks, in scaled MADs
/// (1.4826 x the median absolute deviation of the log unit values): 3, the usual cut (Leys et al. 2013 call 3 very
/// conservative, 2.5 moderately conservative).</param>
/// <param name="UnitValueMinObservations">Unit values a band needs (exporters of the product in the year, or years of the
/// exporter's own history) before it gives a verdict; with fewer, none (NULL), never a flag.</param>
/// <param name="UnitValueBandMinRatio">The narrowest a unit value band may be: never narrower than median / r to median x r,
/// so that exporters of nearly equal unit values (MAD near 0) do not make a difference of rounding an outlier. 2.</param>
/// <param name="UnitValueHistoryYears">The years before a year that the exporter's own history band of marts.unit_value_checks
/// looks back at (the year itself included): 10.</param>
public sealed record WarehouseSettings(double CifFobMargin = 0.08, int DecompositionWindowYears = 5, int PriceBaseYear = 2020,
    DuckDbSettings? Engine = null, int KeepPublishedBuilds = 3, double QuadrantTolerance = 0.001, string SiteLanguage = "en",
    double ComplexityRcaThreshold = 1, double UnitValueBandK = 3, int UnitValueMinObservations = 5, double UnitValueBandMinRatio = 2,
    int UnitValueHistoryYears = 10, ReconciliationThresholds? Reconciliation = null)
{
    /// <summary>The languages the site is written in (its texts are in <c>Site/SiteText</c>).</summary>
    public static readonly IReadOnlyList<string> SiteLanguages = ["en", "es"];

    /// <summary>The engine settings, defaults where the file says nothing.</summary>
    public DuckDbSettings DuckDb => Engine ?? new DuckDbSettings();

    /// <summary>The cross-source checks' thresholds, defaults where the file says nothing.</summary>
    public ReconciliationThresholds Thresholds => Reconciliation ?? new ReconciliationThresholds();

    public const string FileName = "warehouse.json";

    public static string PathIn(string pipelinesDir) => Path.Combine(pipelinesDir, FileName);

    public static WarehouseSettings Load(string pipelinesDir)
    {
        var file = PathIn(pipelinesDir);
        if (!File.Exists(file)) return new WarehouseSettings();
        var f = JsonFields.Load(file, FileName);
        f.RejectUnknown(["cif_fob_margin", "decomposition_window_years", "price_base_year", "duckdb", "keep_published_builds",
            "quadrant_tolerance", "site_language", "complexity_rca_threshold", "unit_value_band_k", "unit_value_min_observations",
            "unit_value_band_min_ratio", "unit_value_history_years", .. ReconciliationThresholds.Names]);
        var language = f.OptionalString("site_language") ?? "en";
        if (!SiteLanguages.Contains(language))
            throw f.Error("site_language", $"must be one of {string.Join(", ", SiteLanguages)}, not '{language}'");
        var d = new WarehouseSettings();
        return new WarehouseSettings(
            f.OptionalNumber("cif_fob_margin", 0, 1) ?? d.CifFobMargin,
            (int)(f.OptionalNumber("decomposition_window_years", 1, 30) ?? d.DecompositionWindowYears),
            (int)(f.OptionalNumber("price_base_year", 1900, 2100) ?? d.PriceBaseYear),
            f.Object("duckdb", required: false) is { } engine ? DuckDbSettings.Read(engine) : null,
            (int)(f.OptionalNumber("keep_published_builds", 1, 100) ?? d.KeepPublishedBuilds),
            f.OptionalNumber("quadrant_tolerance", 0, 1) ?? d.QuadrantTolerance,
            language,
            f.OptionalNumber("complexity_rca_threshold", 0, 1000) ?? d.ComplexityRcaThreshold,
            f.OptionalNumber("unit_value_band_k", 0.5, 100) ?? d.UnitValueBandK,
            (int)(f.OptionalNumber("unit_value_min_observations", 3, 1000) ?? d.UnitValueMinObservations),
            f.OptionalNumber("unit_value_band_min_ratio", 1, 1000) ?? d.UnitValueBandMinRatio,
            (int)(f.OptionalNumber("unit_value_history_years", 1, 50) ?? d.UnitValueHistoryYears),
            ReconciliationThresholds.Read(f));
    }

    /// <summary>Name, value (as SQL literal text) and description of each setting.</summary>
    public IReadOnlyList<(string Name, string Value, string Description)> Entries =>
    [
        ("cif_fob_margin", CifFobMargin.ToString("R", CultureInfo.InvariantCulture),
            "CIF/FOB margin: mirror import values (CIF) are divided by 1 + margin to estimate FOB exports."),
        ("decomposition_window_years", DecompositionWindowYears.ToString(CultureInfo.InvariantCulture),
            "Years between year_from and year_to in the windowed rows of marts.cluster_export_decomposition."),
        ("price_base_year", PriceBaseYear.ToString(CultureInfo.InvariantCulture),
            "Base year of real prices in marts.cluster_prices (deflator: ref.deflators)."),
        ("quadrant_tolerance", QuadrantTolerance.ToString("R", CultureInfo.InvariantCulture),
            "Relative change of market share or relative unit value at or below which the Kaplinsky-Readman quadrant of " +
            "marts.cluster_export_decomposition counts it as no change ('within tolerance')."),
        ("complexity_rca_threshold", ComplexityRcaThreshold.ToString("R", CultureInfo.InvariantCulture),
            "RCA at or above which a country counts as an exporter of a product (M_cp = 1) in marts.country_product_complexity."),
        ("unit_value_band_k", UnitValueBandK.ToString("R", CultureInfo.InvariantCulture),
            "Half-width of the robust unit value bands of marts.unit_value_checks, in scaled MADs of the log unit values " +
            "(|ln UV - median| > k x 1.4826 x MAD is outside)."),
        ("unit_value_min_observations", UnitValueMinObservations.ToString(CultureInfo.InvariantCulture),
            "Unit values a band of marts.unit_value_checks needs (exporters of the product in the year, or years of the " +
            "exporter's history) before it gives a verdict; with fewer, none (NULL)."),
        ("unit_value_band_min_ratio", UnitValueBandMinRatio.ToString("R", CultureInfo.InvariantCulture),
            "The narrowest unit value band of marts.unit_value_checks: at least median / r to median x r, so that nearly " +
            "equal unit values (MAD near 0) never make a rounding difference an outlier."),
        ("unit_value_history_years", UnitValueHistoryYears.ToString(CultureInfo.InvariantCulture),
            "Years before a year that the own history band of marts.unit_value_checks looks back at (the year itself included)."),
        .. Thresholds.Entries,
    ];
}
