using ClusterEtl.Transforms.Definitions;
using Hangfire;
using Hangfire.Storage;
using Serilog;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// Makes the recurring jobs in storage match <c>pipelines/schedule.json</c>: adds and updates every entry,
/// removes ours that the file no longer has. Idempotent, so every <c>serve</c> process may run it at start.
/// Missed occurrences after downtime run once (Hangfire's relaxed misfire handling).
/// </summary>
public static class ScheduleRegistrar
{
    static readonly ILogger Log = Serilog.Log.ForContext(typeof(ScheduleRegistrar));

    public static void Sync(JobStorage storage, IReadOnlyList<ScheduleEntry> schedules, string pipelinesDir, string dataDir, string sqlDir)
    {
        var manager = new RecurringJobManager(storage);
        foreach (var e in schedules)
        {
            var sources = e.Sources?.ToArray();
            manager.AddOrUpdate<RefreshJob>(e.RecurringJobId, j => j.Start(e.Id, sources, pipelinesDir, dataDir, sqlDir), e.Cron,
                new RecurringJobOptions { TimeZone = e.TimeZone, MisfireHandling = MisfireHandlingMode.Relaxed });
            Log.Information("Schedule {Id}: {Cron} ({Zone}), refreshes {What}, next {Next:u}", e.Id, e.Cron, e.TimeZone.Id,
                sources is null ? "all sources" : string.Join(", ", sources), e.NextOccurrenceUtc(DateTime.UtcNow));
        }
        var wanted = schedules.Select(s => s.RecurringJobId).ToHashSet();
        using var connection = storage.GetConnection();
        // Ours are the refresh jobs (and those of the older "refresh:<id>" naming); any other recurring job is left alone.
        foreach (var stale in connection.GetRecurringJobs()
                     .Where(r => (r.Job?.Type == typeof(RefreshJob) || r.Id.StartsWith(ScheduleDefinitions.RecurringJobPrefix, StringComparison.Ordinal)) &&
                                 !wanted.Contains(r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
            Log.Information("Schedule {Id} removed: no longer in {File}", stale.Id, ScheduleDefinitions.FileName);
        }
    }
}
