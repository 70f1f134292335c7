using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Cli;

/// <summary>The program as a user runs it: exit codes, help, and the one-line reason on failure.</summary>
public sealed class CommandLineTests : IDisposable
{
    readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Help_lists_every_command_and_option()
    {
        var r = await CliRunner.RunAsync(_dir.Path, "--help");

        Assert.Equal(0, r.ExitCode);
        foreach (var word in new[] { "run", "validate", "--pipelines DIR", "--data-dir DIR", "--sql DIR", "--force", "--verbose" })
            Assert.Contains(word, r.Stdout);
    }

    [Fact]
    public async Task A_bad_command_line_exits_2()
    {
        var r = await CliRunner.RunAsync(_dir.Path, "run", "--frobnicate");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--frobnicate' for run", r.Stderr);
    }

    [Theory]
    [InlineData(new[] { "run", "--forse" }, "error: unknown option '--forse' for run (did you mean --force?); see `run --help`")]
    [InlineData(new[] { "run", "--years", "2001" }, "error: unknown option '--years' for run; see `run --help`")]
    [InlineData(new[] { "validate", "--rows", "5", "--years", "2010-2012", "--workers", "4" },
        "error: unknown option '--rows' for validate; see `validate --help`")]
    [InlineData(new[] { "rnu" },
        "error: unknown command 'rnu' (did you mean run?) (commands: run, serve, jobs, trigger, backfill, clusters, report, export, query, runs, validate, bench, help); see --help")]
    [InlineData(new[] { "trigger" },
        "error: trigger needs ID: The schedule's id in pipelines/schedule.json, e.g. baci-monthly (see `trigger --help`)")]
    [InlineData(new[] { "serve", "--workers", "0" }, "error: --workers takes a whole number from 1 to 64, not '0' (see `serve --help`)")]
    [InlineData(new[] { "run", "--as-of", "baci_hs92_sample" },
        "error: --as-of takes SOURCE=EXTRACT_ID (16 hex digits, see `runs --extracts`), not 'baci_hs92_sample' (see `run --help`)")]
    [InlineData(new[] { "run", "--as-of", "baci_hs92_sample=0123456789abcdef", "--as-of", "baci_hs92_sample=fedcba9876543210" },
        "error: --as-of names the source 'baci_hs92_sample' twice (see `run --help`)")]
    [InlineData(new[] { "backfill", "baci_hs92_sample", "--years", "2001-1999" },
        "error: --years 2001-1999 is reversed: write the first year first (1999-2001) (see `backfill --help`)")]
    [InlineData(new[] { "backfill", "baci_hs92_sampel", "--years", "1999-2001" },
        "error: unknown source 'baci_hs92_sampel' (closest: baci_hs92_sample, inegi_bie_sample, faostat_pp_sample)")]
    [InlineData(new[] { "bench", "--e2e", "2", "--complexity" }, "error: bench takes one of --e2e, --chaos and --complexity (see `bench --help`)")]
    public async Task A_bad_command_line_is_one_line_with_the_closest_option_and_exit_2(string[] args, string line)
    {
        var r = await CliRunner.RunAsync(Repo.Root, [.. args, "--data-dir", _dir.Combine("data")]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(line, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(_dir.Combine("data", "raw")), "nothing may be pulled");
    }

    [Theory]
    [InlineData("run", "--force", "--wait <SECONDS>", "--rows")]
    [InlineData("report", "<ID>", "--data-dir <DIR>", "--force")]
    [InlineData("trigger", "<ID>", "--storage <memory|postgres>", "--workers")]
    [InlineData("bench", "--chaos <TRIALS>", "--threads <N>", "--storage")]
    public async Task Each_command_prints_its_own_usage(string command, string takes, string alsoTakes, string doesNotTake)
    {
        var r = await CliRunner.RunAsync(_dir.Path, command, "--help");
        var viaHelp = await CliRunner.RunAsync(_dir.Path, "help", command);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"clusteretl {command}", r.Stdout);
        Assert.Contains(takes, r.Stdout);
        Assert.Contains(alsoTakes, r.Stdout);
        Assert.DoesNotContain(doesNotTake, r.Stdout);
        Assert.Equal(r.Stdout, viaHelp.Stdout);
    }

    [Fact]
    public async Task An_invalid_definition_fails_before_any_work_with_one_line_naming_file_and_field()
    {
        Repo.CopyDirectory(Repo.Pipelines, _dir.Combine("pipelines"));
        _dir.Write("pipelines/clusters/chile-salmon.json",
            """{ "id": "chile-salmon", "name": "Salmon", "country": "CHL", "products": { "hs": ["3O2"], "hs_vintage": "HS92" } }""");

        var r = await CliRunner.RunAsync(_dir.Path, "run");

        Assert.Equal(1, r.ExitCode);
        var error = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: validate failed [pipelines/clusters/chile-salmon.json]: field 'products.hs[0]': " +
                     "'3O2' is not an HS code of 2, 4 or 6 digits. Fix the definition file and run again " +
                     "(`validate` checks definitions without running).", error);
        Assert.False(Directory.Exists(_dir.Combine("data", "raw")), "nothing may be pulled");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_run_says_it_once_naming_the_configured_file_with_the_stack_trace_in_the_log_or_with_v(bool verbose)
    {
        Repo.CopyDirectory(Repo.Pipelines, _dir.Combine("pipelines"));
        foreach (var f in Directory.GetFiles(_dir.Combine("pipelines", "sources"))) File.Delete(f);
        _dir.Write("peru_asparagus.csv", "a,b\n1,2\n");
        _dir.Write("pipelines/sources/peru_asparagus.json", """{ "id": "peru_asparagus", "kind": "comtrade", "location": "../peru_asparagus.csv" }""");

        var r = await CliRunner.RunAsync(_dir.Path, verbose ? ["run", "-v", "--sql", Repo.Sql] : ["run", "--sql", Repo.Sql]);

        Assert.Equal(1, r.ExitCode);
        var error = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: normalize failed [source peru_asparagus; {_dir.Combine("peru_asparagus.csv")} (stored as raw/peru_asparagus/", error);
        Assert.Contains("/peru_asparagus.csv), line 1]: the header is not a Comtrade layout: missing refyear", error);
        // The log line once, without the stage said twice; Hangfire's copy of the failure is on the console only with -v.
        if (!verbose) Assert.Single(r.Stdout.Split('\n'), l => l.Contains("the header is not a Comtrade layout"));
        Assert.DoesNotContain("normalize failed: normalize failed", r.Stdout);
        Assert.Equal(verbose, r.Stdout.Contains("Failed to process the job"));
        Assert.Equal(verbose, r.Stdout.Contains("   at ClusterEtl.Transforms.Connectors.Comtrade"));
        var log = File.ReadAllText(Assert.Single(Directory.GetFiles(_dir.Combine("data", "logs"))));
        Assert.Contains("at ClusterEtl.Transforms.Connectors.Comtrade", log);
    }

    [Fact]
    public async Task Clusters_lists_the_catalogue_and_shows_what_a_cluster_covers()
    {
        var list = await CliRunner.RunAsync(Repo.Root, "clusters");
        var show = await CliRunner.RunAsync(Repo.Root, "clusters", "show", "mexico-avocado", "--data-dir", _dir.Combine("data"));
        var typo = await CliRunner.RunAsync(Repo.Root, "clusters", "show", "mexico-avocad");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("chile-salmon", list.Stdout);
        Assert.Contains("12 cluster(s)", list.Stdout);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("MEX Mexico / México (M49 484, FAO 138, Comtrade 484, BACI 484)", show.Stdout);
        Assert.Contains("FAO item     572 Avocados (CPC 01311; HS07 080440; HS12 080440)", show.Stdout);
        Assert.Contains("SCIAN        111334", show.Stdout);
        Assert.Contains("INEGI keys   16", show.Stdout);
        Assert.Contains("(no warehouse yet", show.Stdout);
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("no cluster 'mexico-avocad' (closest: mexico-avocado", typo.Stderr);
    }

    [Fact]
    public async Task Validate_reports_every_problem_at_once_and_compiles_the_models_against_the_lake_columns()
    {
        Repo.CopyDirectory(Repo.Pipelines, _dir.Combine("pipelines"));
        Repo.CopyDirectory(Repo.Sql, _dir.Combine("sql"));
        var cluster = _dir.Combine("pipelines", "clusters", "chile-salmon.json");
        File.WriteAllText(cluster, File.ReadAllText(cluster).Replace("\"030212\"", "\"3O2\""));
        var prices = _dir.Combine("sql", "marts", "cluster_prices.sql");
        File.WriteAllText(prices, File.ReadAllText(prices).Replace("pr.producer_price_usd_t * b.base_value", "pr.producer_price_usd * b.base_value"));
        var exports = _dir.Combine("sql", "marts", "cluster_exports.sql");
        File.WriteAllLines(exports, File.ReadAllLines(exports).Where(l => !l.StartsWith("COMMENT ON COLUMN marts.cluster_exports.rca ", StringComparison.Ordinal)));
        _dir.Write("pipelines/clusters/peru-asparagus.yaml", "id: peru-asparagus");

        var r = await CliRunner.RunAsync(_dir.Path, "validate", "--sql", _dir.Combine("sql"));

        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        Assert.Equal("error: 5 problem(s):", lines[0]);
        Assert.Equal("pipelines/clusters/chile-salmon.json: field 'products.hs[0]': '3O2' is not an HS code of 2, 4 or 6 digits", lines[1]);
        Assert.StartsWith("sql/marts/cluster_prices.sql: Binder Error: ", lines[2]);
        Assert.Contains("does not have a column named \"producer_price_usd\"", lines[2]);
        // The models that read the broken one say so (the release diffs read cluster_prices through the indicators).
        Assert.Equal("sql/intermediate/int_cluster_indicators.sql: not compiled, it reads marts.cluster_prices, which does not compile", lines[3]);
        Assert.Equal("sql/marts/release_diffs.sql: not compiled, it reads intermediate.int_cluster_indicators, which does not compile", lines[4]);
        Assert.Equal("sql/marts/cluster_exports.sql: no COMMENT ON COLUMN for rca (every column must be documented; the build fails otherwise)",
            lines[5]);
        Assert.Equal(6, lines.Count);
        Assert.Contains("warning: pipelines/clusters/peru-asparagus.yaml is not read", r.Stdout);
    }

    [Fact]
    public async Task Validate_reports_sources_clusters_and_model_order()
    {
        var r = await CliRunner.RunAsync(Repo.Root, "validate");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("baci_hs92_sample", r.Stdout);
        Assert.Contains("staging.stg_trade_flows", r.Stdout);
        Assert.Contains("Definitions are valid; every model compiles against the lake's columns and is documented.", r.Stdout);
    }
}
