namespace ClusterEtl.Transforms.Warehouse;

/// <summary>
/// One model: <c>sql/&lt;layer&gt;/&lt;name&gt;.sql</c> holds a query (SELECT or WITH ...) and the COMMENT ON
/// statements documenting what it creates; the runner stores the query as <c>&lt;layer&gt;.&lt;name&gt;</c>.
/// </summary>
/// <param name="Query">The query, without its final semicolon.</param>
/// <param name="Documentation">The COMMENT ON statements after the query.</param>
/// <param name="DependsOn">The models the query reads (<c>layer.name</c>).</param>
/// <param name="Reads">Everything the query reads: models, <c>ref.</c>, <c>meta.</c> and <c>lake.</c> relations.</param>
/// <param name="Settings">The warehouse settings the query reads (<c>getvariable('name')</c>).</param>
/// <param name="Hash">Changes when the query or the config does (not the comments): a changed model is rebuilt whole.</param>
public sealed record SqlModel(string Layer, string Name, string File, string Query, IReadOnlyList<string> Documentation,
    ModelConfig Config, IReadOnlyList<string> DependsOn, IReadOnlyList<string> Reads, IReadOnlyList<string> Settings, string Hash)
{
    public string QualifiedName => $"{Layer}.{Name}";
}
