namespace ClusterEtl.Transforms.Connectors.Inegi.Bie;

/// <summary>Options of an INEGI indicators API (BIE/BISE) source.</summary>
/// <param name="Indicators">Indicator ids (e.g. 628194, the INPC).</param>
/// <param name="Areas">Geographic areas: 00 national, 0700 a state, …; a local file is one area.</param>
/// <param name="Language">es or en.</param>
/// <param name="LatestOnly">Only the latest observation (the API's "true") instead of the whole series.</param>
/// <param name="Database">BIE or BISE.</param>
/// <param name="TokenEnv">The NAME of the environment variable holding the API token (never the token itself).</param>
public sealed record BieOptions(IReadOnlyList<string> Indicators, IReadOnlyList<string> Areas, string Language, bool LatestOnly,
    string Database, string TokenEnv)
{
    /// <summary>One request per indicator and area, in this order; the first is the role <c>data</c>.</summary>
    public IReadOnlyList<(string Indicator, string Area, string Role)> Requests =>
        Indicators.SelectMany(i => Areas.Select(a => (i, a))).Select((r, n) => (r.i, r.a, n == 0 ? "data" : $"{r.i}_{r.a}")).ToList();
}
