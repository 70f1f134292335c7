using Serilog;
using Serilog.Events;
using Serilog.Filters;
using Serilog.Formatting.Compact;

namespace ClusterEtl.Jobs.Hosting;

/// <summary>
/// Serilog: readable console lines, and a rolling JSON log (one event per line) under the data folder. Stack traces go
/// to the log file always, and to the console only with <c>-v</c>: an expected failure reads as one line.
/// </summary>
public static class LoggingSetup
{
    /// <param name="logsDir">Where the JSON log goes, or null for the console only.</param>
    /// <param name="verbose">Debug level, and exceptions (stack traces) on the console.</param>
    /// <param name="hangfireOnConsole">Hangfire's own warnings on the console (serve: retries are news); a one-shot run
    /// reports its failure itself, so Hangfire's copy of it goes to the file only (and to the console with -v).</param>
    public static ILogger Create(string? logsDir, bool verbose, bool hangfireOnConsole = true)
    {
        var template = verbose
            ? "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}"
            : "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}";
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => !verbose && !hangfireOnConsole && Matching.FromSource("Hangfire")(e))
                .WriteTo.Console(outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        if (logsDir is not null)
            config = config.WriteTo.File(new CompactJsonFormatter(), Path.Combine(logsDir, "clusteretl-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, shared: true);
        return config.CreateLogger();
    }

    /// <summary>Logs to the console and to <c>logs/</c> of the data folder from here on.</summary>
    public static void ToDataFolder(string logsDir, bool verbose, bool hangfireOnConsole)
    {
        var previous = Log.Logger;
        Log.Logger = Create(logsDir, verbose, hangfireOnConsole);
        (previous as IDisposable)?.Dispose();
    }
}
