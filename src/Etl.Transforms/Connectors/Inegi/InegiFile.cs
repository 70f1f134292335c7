namespace ClusterEtl.Transforms.Connectors.Inegi;

/// <summary>One file of an INEGI download: a zip entry (<c>download.zip!conjunto_de_datos/x.csv</c>) or a bare file.</summary>
public sealed record InegiFile(string DisplayName, string Name, Func<Stream> Open);
