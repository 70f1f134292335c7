namespace ClusterEtl.Transforms.Definitions;

/// <summary>A recurring refresh: which sources (null = all), when (cron in a time zone).</summary>
public sealed record ScheduleEntry(string Id, string Cron, TimeZoneInfo TimeZone, IReadOnlyList<string>? Sources)
{
    /// <summary>The Hangfire recurring-job id: the schedule's own id, as the dashboard and <c>jobs</c> show it.</summary>
    public string RecurringJobId => Id;

    public DateTime? NextOccurrenceUtc(DateTime fromUtc) => ScheduleDefinitions.ParseCron(Cron).GetNextOccurrence(fromUtc, TimeZone);
}
