namespace ClusterEtl.Transforms.Definitions;

/// <summary>A cluster: products of one country, from <c>pipelines/clusters/&lt;id&gt;.json</c>.</summary>
/// <param name="Id">Unique id (the file name without .json).</param>
/// <param name="Name">Human name shown in marts and reports.</param>
/// <param name="Country">ISO3 code of the exporting country.</param>
/// <param name="HsCodes">HS codes of 2, 4 or 6 digits, matched as prefixes of the 6-digit product code.</param>
/// <param name="HsVintage">The HS vintage the codes are written in (HS92 … HS22); trade data of that vintage are used.</param>
/// <param name="Region">Free label of the region the cluster sits in (the trade data are national).</param>
/// <param name="InegiRegions">INEGI keys of the cluster's Mexican states (2 digits) or municipalities (5 digits).</param>
/// <param name="FaoItems">FAO item codes of the cluster's products (production, prices).</param>
/// <param name="Scian">SCIAN activity codes (2, 4 or 6 digits, matched as prefixes) of the cluster's establishments.</param>
/// <param name="Provenance">Where the definition comes from (studies, reports).</param>
public sealed record ClusterDefinition(
    string Id,
    string Name,
    string Country,
    IReadOnlyList<string> HsCodes,
    string HsVintage,
    string? Region,
    IReadOnlyList<string> InegiRegions,
    IReadOnlyList<int> FaoItems,
    IReadOnlyList<string> Scian,
    IReadOnlyList<string> Peers,
    string? Provenance,
    string DefinitionFile);
