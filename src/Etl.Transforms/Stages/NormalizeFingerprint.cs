using System.Globalization;
using System.Text.Json;
using ClusterEtl.Transforms.Connectors.Shared;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Transforms.Kernel;
using ClusterEtl.Transforms.Raw;

namespace ClusterEtl.Transforms.Stages;

/// <summary>
/// What a source's normalized data depends on: the connector's version, the source's kind, options and quarantine limits,
/// the content of each pulled file, and the reference files the connector resolves codes with. Equal fingerprints, equal
/// output: the normalize stage skips the source.
/// </summary>
public static class NormalizeFingerprint
{
    public static string Of(ISourceConnector connector, SourceDefinition source, IReadOnlyList<ManifestEntry> files, string pipelinesDir)
    {
        var fingerprint = new Fingerprint().Add("normalizer", connector.Version).Add("kind", source.Kind)
            .Add("options", source.Options is null ? "" : JsonSerializer.Serialize(source.Options, source.Options.GetType()))
            .Add("max_quarantine_share", source.MaxQuarantineShare.ToString("R", CultureInfo.InvariantCulture))
            .Add("max_quarantine_year_share", source.MaxQuarantineYearShare.ToString("R", CultureInfo.InvariantCulture))
            .Add("max_quarantine_value_share", source.MaxQuarantineValueShare.ToString("R", CultureInfo.InvariantCulture));
        foreach (var f in files) fingerprint.Add(f.Role, f.Sha256);
        foreach (var name in connector.ReferenceFiles)
            if (Path.Combine(pipelinesDir, "reference", name) is var file && File.Exists(file))
                fingerprint.AddFile("reference:" + name, file);
        return fingerprint.Value;
    }
}
