using System.Security.Cryptography;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Transforms.Raw;

/// <summary>
/// Immutable raw files: <c>raw/&lt;source&gt;/&lt;sha256&gt;/&lt;original name&gt;</c>. A file is written to a
/// temporary name while its hash is computed, then moved into place and made read-only. The same
/// content is stored once; nothing ever rewrites a stored file.
/// </summary>
public sealed class RawStore(string sourceDir)
{
    public sealed record Stored(string Path, string Sha256, long Bytes, bool AlreadyPresent);

    /// <summary>Copies <paramref name="content"/> into the store, hashing it on the way.</summary>
    public async Task<Stored> StoreAsync(Stream content, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(sourceDir);
        var tmp = Path.Combine(sourceDir, $".incoming-{Guid.NewGuid():N}");
        try
        {
            string sha;
            long bytes = 0;
            await using (var output = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                             FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), ct);
                    if (bytes == 0) FaultPoints.Reach("pull:incoming");
                    bytes += n;
                }
                await output.FlushAsync(ct);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var dir = Path.Combine(sourceDir, sha);
            var final = Path.Combine(dir, SafeName(fileName));
            if (File.Exists(final))
            {
                File.Delete(tmp);
                return new Stored(final, sha, bytes, AlreadyPresent: true);
            }
            Directory.CreateDirectory(dir);
            File.Move(tmp, final);
            MakeReadOnly(final);
            return new Stored(final, sha, bytes, AlreadyPresent: false);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    static string SafeName(string name)
    {
        var n = Path.GetFileName(name);
        foreach (var c in Path.GetInvalidFileNameChars()) n = n.Replace(c, '_');
        return string.IsNullOrWhiteSpace(n) || n.StartsWith('.') ? "download" + n : n;
    }

    static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
