using ClusterEtl.Transforms.Connectors;
using ClusterEtl.Transforms.Definitions;
using ClusterEtl.Tests.Support;

namespace ClusterEtl.Tests.Definitions;

public sealed class ScheduleDefinitionTests : IDisposable
{
    readonly TempDir _dir = new();

    public ScheduleDefinitionTests()
    {
        _dir.Write("pipelines/data/baci.zip", "x");
        _dir.Write("pipelines/sources/baci.json", """{ "id": "baci", "kind": "baci", "location": "data/baci.zip" }""");
        _dir.Write("pipelines/clusters/c.json", """{ "id": "c", "name": "C", "country": "CHL", "products": { "hs": ["03"], "hs_vintage": "HS92" } }""");
    }

    public void Dispose() => _dir.Dispose();

    IReadOnlyList<ScheduleEntry> Load(string json)
    {
        _dir.Write("pipelines/schedule.json", json);
        return ScheduleDefinitions.Load(PipelineDefinitions.Load(_dir.Combine("pipelines"), SourceConnectors.Kinds));
    }

    [Fact]
    public void Reads_cron_time_zone_and_what_to_refresh()
    {
        var entries = Load("""
            { "schedules": [
                { "id": "baci-monthly", "cron": "0 6 1 * *", "time_zone": "America/Santiago", "refresh": ["baci"] },
                { "id": "everything", "cron": "30 2 * * 0", "refresh": "all" } ] }
            """);

        Assert.Equal(["baci"], entries[0].Sources!);
        Assert.Equal("baci-monthly", entries[0].RecurringJobId);
        Assert.Null(entries[1].Sources);             // "all"
        Assert.Equal("UTC", entries[1].TimeZone.Id);  // the default
        // 06:00 on the 1st in Santiago, which is UTC-3 in December 2026 (summer time): 09:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
            entries[0].NextOccurrenceUtc(new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_bad_cron_names_the_entry()
    {
        var e = Assert.Throws<DefinitionException>(() => Load("""
            { "schedules": [ { "id": "ok", "cron": "0 6 * * *", "refresh": "all" },
                             { "id": "broken", "cron": "61 6 * * *", "refresh": "all" } ] }
            """));

        Assert.Equal("schedules[1].cron", e.Field);
        Assert.Contains("'61 6 * * *' is not a valid cron expression (schedule 'broken')", e.Message);
    }

    [Fact]
    public void An_unknown_time_zone_names_the_entry()
    {
        var e = Assert.Throws<DefinitionException>(() => Load("""
            { "schedules": [ { "id": "inegi", "cron": "0 6 * * *", "time_zone": "Mexico/Michoacan", "refresh": "all" } ] }
            """));

        Assert.Equal("schedules[0].time_zone", e.Field);
        Assert.Contains("'Mexico/Michoacan' is not a known IANA time zone (schedule 'inegi'", e.Message);
    }

    [Fact]
    public void An_unknown_source_lists_the_known_ones()
    {
        var e = Assert.Throws<DefinitionException>(() => Load("""
            { "schedules": [ { "id": "x", "cron": "0 6 * * *", "refresh": ["bacci"] } ] }
            """));

        Assert.Equal("schedules[0].refresh[0]", e.Field);
        Assert.Contains("'bacci' is not a defined source (schedule 'x'; sources: baci; or \"all\")", e.Message);
    }

    [Fact]
    public void The_bundled_schedule_is_valid()
    {
        var entries = ScheduleDefinitions.Load(PipelineDefinitions.Load(Repo.Pipelines, SourceConnectors.Kinds));

        Assert.NotEmpty(entries);
    }
}
