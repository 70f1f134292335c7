using System.Text.Json.Serialization;

namespace ClusterEtl.Transforms.Site;

/// <summary>A point of a scatter chart, with the label its tooltip shows.</summary>
public sealed record ScatterPoint(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("label")] string Label);
