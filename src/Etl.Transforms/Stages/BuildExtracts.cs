using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;
using ClusterEtl.Transforms.Warehouse;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// The extract of each source the lake holds (its normalize state), when it was first fetched, and the source's newest
/// extract (its latest fetch): what a build records in <c>meta.build_extracts</c>. The two differ after a run --as-of.
/// </summary>
public static class BuildExtracts
{
    public static IReadOnlyList<BuildExtract> Of(DataLayout layout, PipelineDefinitions definitions)
    {
        var manifest = Manifest.ReadAll(layout);
        var list = new List<BuildExtract>();
        foreach (var source in definitions.Sources)
        {
            if (NormalizeState.Read(layout, source.Id) is not { } state) continue;
            var stored = RawExtracts.Of(layout, manifest, source.Id);
            var fetched = stored.FirstOrDefault(e => e.ExtractId == state.ExtractId)?.FirstFetchedAt.UtcDateTime;
            list.Add(new BuildExtract(source.Id, state.ExtractId, fetched, RawExtracts.Newest(layout, manifest, source.Id)?.ExtractId));
        }
        return list;
    }
}
