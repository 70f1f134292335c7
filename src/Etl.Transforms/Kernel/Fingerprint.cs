using System.Security.Cryptography;
using System.Text;

namespace ClusterEtl.Transforms.Kernel;

/// <summary>A SHA-256 over named parts, to decide whether the inputs of a step changed since it last ran.</summary>
public sealed class Fingerprint
{
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public Fingerprint Add(string name, string value)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes($"{name.Length}:{name}={value.Length}:{value}\n"));
        return this;
    }

    public Fingerprint AddFile(string name, string path) => Add(name, File.ReadAllText(path).ReplaceLineEndings("\n"));

    public string Value => Convert.ToHexStringLower(_hash.GetCurrentHash());
}
