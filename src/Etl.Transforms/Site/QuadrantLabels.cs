using System.Text.Json.Serialization;

namespace ClusterEtl.Transforms.Site;

/// <summary>The names written in the corners of the Kaplinsky-Readman chart (x: market share change, y: relative unit value change).</summary>
public sealed record QuadrantLabels(
    [property: JsonPropertyName("upperRight")] string UpperRight,
    [property: JsonPropertyName("upperLeft")] string UpperLeft,
    [property: JsonPropertyName("lowerLeft")] string LowerLeft,
    [property: JsonPropertyName("lowerRight")] string LowerRight);
