using Cronos;

namespace ClusterEtl.Transforms.Definitions;

/// <summary>
/// <c>pipelines/schedule.json</c>: the recurring refreshes of the long-lived service. Every entry is checked
/// at load (cron syntax, IANA time zone, known sources), and a bad one fails with the entry named.
/// </summary>
public static class ScheduleDefinitions
{
    public const string FileName = "schedule.json";
    /// <summary>The prefix recurring jobs had before they took the schedule's id: removed at the next sync, and still
    /// accepted by <c>trigger</c>.</summary>
    public const string RecurringJobPrefix = "refresh:";

    public static IReadOnlyList<ScheduleEntry> Load(PipelineDefinitions definitions)
    {
        var file = Path.Combine(definitions.Directory, FileName);
        if (!File.Exists(file)) return [];
        var display = Path.GetRelativePath(Path.GetDirectoryName(definitions.Directory)!, file);
        var root = JsonFields.Load(file, display);
        root.RejectUnknown("schedules", "description");
        var entries = new List<ScheduleEntry>();
        foreach (var item in root.ObjectList("schedules"))
        {
            item.RejectUnknown("id", "cron", "time_zone", "refresh", "description");
            var id = item.RequiredString("id");
            if (!JsonFields.IsIdentifier(id)) throw item.Error("id", $"'{id}' must be lower-case letters, digits, '-' or '_'");
            if (entries.Any(e => e.Id == id)) throw item.Error("id", $"'{id}' is used by two schedules");
            var cron = item.RequiredString("cron");
            try
            {
                ParseCron(cron);
            }
            catch (CronFormatException e)
            {
                throw item.Error("cron", $"'{cron}' is not a valid cron expression (schedule '{id}'): {e.Message}");
            }
            var zoneId = item.OptionalString("time_zone") ?? "UTC";
            TimeZoneInfo zone;
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            }
            catch (TimeZoneNotFoundException)
            {
                throw item.Error("time_zone", $"'{zoneId}' is not a known IANA time zone (schedule '{id}'; e.g. UTC, America/Santiago)");
            }
            entries.Add(new ScheduleEntry(id, cron, zone, Refresh(item, definitions, id)));
        }
        return entries;
    }

    /// <summary>Five fields (minute precision) or six (with seconds first), as Hangfire accepts them.</summary>
    public static CronExpression ParseCron(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CronFormat.IncludeSeconds : CronFormat.Standard);

    static IReadOnlyList<string>? Refresh(JsonFields item, PipelineDefinitions definitions, string id)
    {
        if (item.IsString("refresh"))
        {
            var what = item.RequiredString("refresh");
            if (what == "all") return null;
            return [KnownSource(item, definitions, "refresh", what, id)];
        }
        var list = item.StringList("refresh", required: true);
        return list.Select((s, n) => KnownSource(item, definitions, $"refresh[{n}]", s, id)).Distinct().ToList();
    }

    static string KnownSource(JsonFields item, PipelineDefinitions definitions, string field, string source, string id)
    {
        if (definitions.Sources.Any(s => s.Id == source)) return source;
        throw item.Error(field, $"'{source}' is not a defined source (schedule '{id}'; sources: " +
                                $"{string.Join(", ", definitions.Sources.Select(s => s.Id))}; or \"all\")");
    }
}
