namespace ClusterEtl.Transforms.Stages;

/// <summary>What a published build was built from (<c>published/&lt;run&gt;/build.json</c>).</summary>
public sealed record PublishedBuild(string RunId, string Fingerprint, DateTimeOffset PublishedAt);
