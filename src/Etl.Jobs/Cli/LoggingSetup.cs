using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ClusterEtl.Jobs.Cli;

/// <summary>Serilog: readable console lines, and a rolling JSON log (one event per line) under the data folder.</summary>
public static class LoggingSetup
{
    public static ILogger Create(string? logsDir, bool verbose)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (logsDir is not null)
            config = config.WriteTo.File(new CompactJsonFormatter(), Path.Combine(logsDir, "clusteretl-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, shared: true);
        return config.CreateLogger();
    }
}
