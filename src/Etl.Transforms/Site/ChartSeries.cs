using System.Text.Json.Serialization;

namespace ClusterEtl.Transforms.Site;

/// <summary>One series of a chart: its label, values (numbers, NULLs as gaps, or points of a scatter), how it is drawn
/// (<c>line</c> or <c>bar</c>), on which axis (<c>left</c> or <c>right</c>), and its unit (<c>share</c> draws percentages).</summary>
public sealed record ChartSeries(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("data")] IReadOnlyList<object?> Data,
    [property: JsonPropertyName("kind")] string Kind = "line",
    [property: JsonPropertyName("axis")] string Axis = "left",
    [property: JsonPropertyName("unit")] string? Unit = null);
