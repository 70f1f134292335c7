using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Service;

/// <summary>The dashboard of `serve` (memory storage): loopback by default, basic auth, read-only mode.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class DashboardTests : IDisposable
{
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };
    readonly TempDir _dir = new();
    readonly int _port = Ports.Free();

    public DashboardTests() => Repo.CopyDirectory(Repo.Pipelines, _dir.Combine("pipelines"));

    public void Dispose() => _dir.Dispose();

    string Url(string path = "") => $"http://127.0.0.1:{_port}/{path}";

    ServeProcess Serve(Dictionary<string, string>? env = null, params string[] extra) =>
        new(_dir.Path, env ?? [], ["serve", "--pipelines", _dir.Combine("pipelines"), "--data-dir", _dir.Combine("data"),
            "--sql", Repo.Sql, "--dashboard", $"127.0.0.1:{_port}", .. extra]);


    Task<HttpResponseMessage> Trigger(string? basic = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url("recurring/trigger"))
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "baci-monthly")]),
        };
        if (basic is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task Answers_on_loopback_and_triggers_a_refresh()
    {
        using var serve = Serve();
        await serve.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));

        var page = await Http.GetAsync(Url("recurring"));
        var trigger = await Trigger();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var recurring = await page.Content.ReadAsStringAsync();
        // Recurring jobs go by the ids of schedule.json.
        Assert.Contains("baci-monthly", recurring);
        Assert.DoesNotContain("refresh:baci-monthly", recurring);
        Assert.True(trigger.IsSuccessStatusCode, trigger.StatusCode.ToString());
        await serve.WaitForOutputAsync("publish succeeded", TimeSpan.FromSeconds(60));

        // Readable job names: the stage and the run (with what it refreshes), not a dump of the request's folders.
        var succeeded = await (await Http.GetAsync(Url("jobs/succeeded"))).Content.ReadAsStringAsync();
        Assert.Matches(@"publish \(run \d{8}T\d{6}Z-\w+, baci_hs92_sample\)", succeeded);
        Assert.Contains("refresh (schedule baci-monthly)", succeeded);
        Assert.DoesNotContain("PipelinesDir", succeeded);
        // The job's details hold its stage's summary.
        var details = System.Text.RegularExpressions.Regex.Matches(succeeded, @"jobs/details/(\d+)").Select(m => m.Groups[1].Value).Distinct();
        var pages = await Task.WhenAll(details.Select(async id => await (await Http.GetAsync(Url($"jobs/details/{id}"))).Content.ReadAsStringAsync()));
        Assert.Contains(pages, p => p.Contains("normalize succeeded: 3,944 rows, 0 quarantined, "));
    }

    [Fact]
    public async Task Read_only_mode_shows_but_refuses_a_trigger()
    {
        using var serve = Serve(null, "--dashboard-read-only");
        await serve.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));

        var page = await Http.GetAsync(Url("recurring"));
        var trigger = await Trigger();
        await Task.Delay(2_000);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(trigger.IsSuccessStatusCode, trigger.StatusCode.ToString());
        Assert.False(Directory.Exists(_dir.Combine("data", "runs")), "no run may start");
    }

    [Fact]
    public async Task Basic_auth_guards_every_page()
    {
        var env = new Dictionary<string, string>
        {
            ["CLUSTERETL_DASHBOARD_USER"] = "analyst",
            ["CLUSTERETL_DASHBOARD_PASSWORD"] = "p4ss-word",
        };
        using var serve = Serve(env, "--dashboard-auth", "basic");
        await serve.WaitForOutputAsync("Serving:", TimeSpan.FromSeconds(60));
        var good = Convert.ToBase64String(Encoding.UTF8.GetBytes("analyst:p4ss-word"));
        var bad = Convert.ToBase64String(Encoding.UTF8.GetBytes("analyst:guess"));

        var none = await Http.GetAsync(Url());
        var wrong = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url()) { Headers = { Authorization = new("Basic", bad) } });
        var right = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url()) { Headers = { Authorization = new("Basic", good) } });
        var triggerWithout = await Trigger();

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ClusterEtl jobs", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, triggerWithout.StatusCode);
        Assert.DoesNotContain("p4ss-word", serve.Output);
    }

    [Fact]
    public async Task A_non_loopback_address_without_authorization_is_refused()
    {
        var r = await CliRunner.RunAsync(_dir.Path, "serve", "--pipelines", _dir.Combine("pipelines"), "--data-dir", _dir.Combine("data"),
            "--dashboard", $"0.0.0.0:{_port}");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("the dashboard on 0.0.0.0 would be reachable from other machines: add --dashboard-auth basic", r.Stderr);
    }
}
