using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Reference;

namespace ClusterEtl.Tests.Normalize.Inegi;

/// <summary>A normalization context for one INEGI file, with the bundled Mexico reference.</summary>
static class InegiTestContext
{
    public static readonly PipelineDefinitions Definitions =
        new(Repo.Pipelines, [], [], null, MexicoReference.LoadFrom(Repo.Pipelines));

    public static NormalizeContext For(TempDir dir, string kind, string file, object? options, double maxQuarantine = 0.01) =>
        new(new SourceDefinition("inegi_test", kind, file, "pipelines/sources/inegi_test.json", FetchOptions.Default, maxQuarantine, options),
            [new SourceFile("data", file, "raw/inegi_test/x/" + Path.GetFileName(file))], "extract123",
            dir.Combine("out"), dir.Combine("quarantine"), null, Definitions);

    public static string Glob(TempDir dir, string table) => dir.Combine("out", table, "*", "*.parquet");

    public static List<object?[]> Quarantine(TempDir dir) => Duck.Query(null, $"""
        SELECT file, line, "column", reason FROM read_parquet('{dir.Combine("quarantine", "*", "quarantine.parquet")}') ORDER BY line
        """);
}
