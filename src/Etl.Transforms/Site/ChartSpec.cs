using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterEtl.Transforms.Site;

/// <summary>
/// What a chart shows, written into the page as JSON and drawn in the browser by <c>assets/site.js</c> with Chart.js:
/// the type (<c>bar</c>, <c>line</c> or <c>scatter</c>), the category labels (years, destinations), the series, the
/// axis titles and units, and for the Kaplinsky-Readman chart the names of the four quadrants.
/// </summary>
public sealed record ChartSpec(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels,
    [property: JsonPropertyName("series")] IReadOnlyList<ChartSeries> Series)
{
    [JsonPropertyName("yTitle")] public string? YTitle { get; init; }
    [JsonPropertyName("yUnit")] public string? YUnit { get; init; }
    [JsonPropertyName("y2Title")] public string? Y2Title { get; init; }
    [JsonPropertyName("y2Unit")] public string? Y2Unit { get; init; }
    [JsonPropertyName("xTitle")] public string? XTitle { get; init; }
    [JsonPropertyName("xUnit")] public string? XUnit { get; init; }
    [JsonPropertyName("stacked")] public bool Stacked { get; init; }
    [JsonPropertyName("quadrants")] public QuadrantLabels? Quadrants { get; init; }

    static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The JSON of the chart, safe inside a &lt;script&gt; element.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json).Replace("</", "<\\/");
}
