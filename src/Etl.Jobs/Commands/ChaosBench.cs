using System.Diagnostics;
using System.Security.Cryptography;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Jobs.Commands;

/// <summary>
/// <c>bench --chaos N</c>: N randomised trials of an operator's bad day on one data folder, each followed by a normal
/// run that must recover. A trial is a run killed (SIGKILL) at a random fault point or after a random delay while it
/// brings a change, or a run given a damaged input that must fail. After each: the published build was never left half
/// made, the recovery run publishes exactly what a clean run on the same inputs publishes, and no debris remains.
/// Prints the trials, the kills per point and the failures (the target is none).
/// </summary>
public static class ChaosBench
{
    public static async Task<int> RunAsync(int trials, string workDir, string pipelinesDir, string sqlDir, TextWriter output, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetFullPath(workDir), "chaos");
        if (Directory.Exists(root)) Directory.Delete(root, true);
        var pipelines = Path.Combine(root, "pipelines");
        Copy(pipelinesDir, pipelines);
        var release = Path.Combine(root, "release-2003.zip");
        File.WriteAllText(Path.Combine(pipelines, "sources", "chaos_2003.json"),
            $$"""{ "id": "chaos_2003", "kind": "baci", "location": "{{release.Replace("\\", "/")}}", "options": { "hs_vintage": "HS92" } }""");

        // The two inputs the trials switch between, and what a clean run publishes for each.
        var references = new Dictionary<int, Dictionary<string, string>>();
        foreach (var variant in new[] { 0, 1 })
        {
            WriteRelease(release, variant);
            var clean = new DataLayout(Path.Combine(root, $"clean-{variant}"));
            var code = await Cli(["run", "--pipelines", pipelines, "--data-dir", clean.DataDir, "--sql", sqlDir], null, TimeSpan.FromMinutes(10), ct);
            if (code != 0) throw new InvalidOperationException($"the clean run of variant {variant} failed ({code})");
            references[variant] = MartFiles(clean);
        }

        var data = new DataLayout(Path.Combine(root, "data"));
        var random = new Random(trials);
        var variantNow = 0;
        WriteRelease(release, variantNow);
        await Cli(["run", "--pipelines", pipelines, "--data-dir", data.DataDir, "--sql", sqlDir], null, TimeSpan.FromMinutes(10), ct);
        var kills = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var sw = Stopwatch.StartNew();
        for (var trial = 1; trial <= trials; trial++)
        {
            var before = MartFiles(data);
            string what;
            var roll = random.Next(10);
            if (roll < 2)
            {
                // A damaged input: must fail, and publish nothing.
                var damaged = roll == 0 ? "truncated" : "header-only";
                WriteDamaged(release, damaged);
                var code = await Cli(["run", "--pipelines", pipelines, "--data-dir", data.DataDir, "--sql", sqlDir], null, TimeSpan.FromMinutes(10), ct);
                what = $"damaged input ({damaged}) exit {code}";
                if (code != 1) failures.Add($"trial {trial}: {what}, expected exit 1");
                if (!Same(before, MartFiles(data))) failures.Add($"trial {trial}: {what} changed the published marts");
                WriteRelease(release, variantNow);
                Bump(kills, "bad input: " + damaged);
            }
            else
            {
                variantNow = random.Next(2);
                WriteRelease(release, variantNow);
                var point = roll < 8 ? FaultPoints.All[random.Next(FaultPoints.All.Count)] : null;
                var delay = TimeSpan.FromMilliseconds(random.Next(200, 4000));
                var exit = await Cli(["run", "--pipelines", pipelines, "--data-dir", data.DataDir, "--sql", sqlDir], point, delay, ct, kill: true);
                what = point is null ? $"killed after {delay.TotalSeconds:0.0} s (exit {exit})" : $"killed at {point}";
                Bump(kills, point ?? "random delay");
                var now = MartFiles(data);
                if (!Same(now, before) && !Same(now, references[variantNow]))
                    failures.Add($"trial {trial}: {what}: the published marts are neither the old nor the new build");
            }
            var recovery = await Cli(["run", "--pipelines", pipelines, "--data-dir", data.DataDir, "--sql", sqlDir], null, TimeSpan.FromMinutes(10), ct);
            if (recovery != 0) failures.Add($"trial {trial}: {what}: the recovery run failed ({recovery})");
            else if (!Same(MartFiles(data), references[variantNow]))
                failures.Add($"trial {trial}: {what}: the recovery run published marts that differ from a clean run's");
            var debris = Debris(data);
            if (debris.Count > 0) failures.Add($"trial {trial}: {what}: debris left: {string.Join(", ", debris)}");
            output.WriteLine($"trial {trial,3}: {what}; recovered {(recovery == 0 ? "yes" : "NO")}");
        }
        output.WriteLine($"{trials} trial(s) in {sw.Elapsed.TotalSeconds:N0} s; " +
                         string.Join(", ", kills.Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine($"failures: {failures.Count}");
        foreach (var f in failures) output.WriteLine("  " + f);
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Runs the command line as a child process; with <paramref name="kill"/>, kills it at <paramref name="pausePoint"/>,
    /// or after <paramref name="limit"/> when there is none.</summary>
    static async Task<int> Cli(string[] args, string? pausePoint, TimeSpan limit, CancellationToken ct, bool kill = false)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") psi.ArgumentList.Add(typeof(ChaosBench).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (pausePoint is not null) psi.Environment[FaultPoints.Variable] = pausePoint;
        using var p = Process.Start(psi)!;
        _ = p.StandardOutput.ReadToEndAsync(ct);
        _ = p.StandardError.ReadToEndAsync(ct);
        var deadline = DateTime.UtcNow + (pausePoint is null ? limit : TimeSpan.FromMinutes(5));
        var marker = FaultPoints.MarkerFile(p.Id);
        while (!p.HasExited && DateTime.UtcNow < deadline && !(pausePoint is not null && File.Exists(marker))) await Task.Delay(20, ct);
        if (!p.HasExited && (kill || DateTime.UtcNow >= deadline)) p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync(ct);
        if (File.Exists(marker)) File.Delete(marker);
        return p.ExitCode;
    }

    /// <summary>A one-year BACI release: Chile's and Norway's fresh salmon, values depending on the variant.</summary>
    static void WriteRelease(string path, int variant)
    {
        var data = $"t,i,j,k,v,q\n2003,152,842,030212,{1000 + 500 * variant},100\n2003,579,392,030212,3000,300\n";
        WriteZip(path, data);
    }

    static void WriteDamaged(string path, string how)
    {
        if (how == "header-only") WriteZip(path, "t,i,j,k,v,q\n");
        else
        {
            WriteRelease(path, 0);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }
    }

    static void WriteZip(string path, string data)
    {
        if (File.Exists(path)) File.Delete(path);
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        using (var w = new StreamWriter(zip.CreateEntry("BACI_HS92_Y2003_V202201.csv").Open())) w.Write(data);
        using (var w = new StreamWriter(zip.CreateEntry("country_codes_V202201.csv").Open()))
            w.Write("country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n" +
                    "152,Chile,Chile,CL,CHL\n392,Japan,Japan,JP,JPN\n579,Norway,Norway,NO,NOR\n842,USA,USA,US,USA\n");
    }

    static Dictionary<string, string> MartFiles(DataLayout layout) =>
        Directory.Exists(layout.MartsDir)
            ? Directory.GetFiles(layout.MartsDir + "/", "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(layout.MartsDir, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
            : [];

    static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    static List<string> Debris(DataLayout layout) =>
        (Directory.Exists(layout.StagingDir) ? Directory.GetFileSystemEntries(layout.StagingDir) : [])
        .Concat(Directory.Exists(layout.RawDir) ? Directory.GetFiles(layout.RawDir, ".incoming-*", SearchOption.AllDirectories) : [])
        .ToList();

    static void Bump(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    static void Copy(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target, true);
        }
    }
}
