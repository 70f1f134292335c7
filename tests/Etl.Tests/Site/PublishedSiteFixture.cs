using ClusterEtl.Tests.Support;
using ClusterEtl.Transforms.Kernel;

namespace ClusterEtl.Tests.Site;

/// <summary>
/// One run of the pipeline on the bundled samples (whose publish writes the site), and one headless Chromium, shared by
/// the browser tests. Nothing is started where Chromium is absent (the tests are then skipped).
/// </summary>
public sealed class PublishedSiteFixture : IAsyncLifetime
{
    readonly TempDir _dir = new();

    public DataLayout Layout => Pipeline.Layout;
    public PipelineFixture Pipeline { get; }
    public HeadlessChromium Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go, one per page type: beside the test assembly, for people to look at.</summary>
    public static string Screenshots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public PublishedSiteFixture() => Pipeline = new PipelineFixture(_dir);

    public async Task InitializeAsync()
    {
        if (HeadlessChromium.Missing is not null && Environment.GetEnvironmentVariable("CI") != "true") return;
        await Pipeline.RunAsync();
        Browser = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _dir.Dispose();
    }
}
