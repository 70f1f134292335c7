namespace ClusterEtl.Jobs.Hangfire;

/// <summary>Options of <c>serve</c> and of the operator commands that work against its storage.</summary>
/// <param name="Storage">memory (in this process only) or postgres.</param>
/// <param name="Postgres">Connection string; else the CLUSTERETL_POSTGRES environment variable.</param>
/// <param name="Dashboard">host:port to serve the dashboard on, or null for none.</param>
/// <param name="DashboardAuth">none (loopback only) or basic (user and password from the environment).</param>
/// <param name="InvisibilitySeconds">How long a job fetched by a worker that died stays invisible before another worker takes it.</param>
/// <param name="LockTimeoutSeconds">After how long the data-folder lock of a worker that died expires. A stage running longer
/// than this could be joined by a second one, so keep it above the longest stage.</param>
public sealed record ServeOptions(
    string Storage = "memory",
    string? Postgres = null,
    string? Dashboard = null,
    int Workers = 2,
    string DashboardAuth = "none",
    bool DashboardReadOnly = false,
    int InvisibilitySeconds = 300,
    int LockTimeoutSeconds = 1800)
{
    public const string PostgresVariable = "CLUSTERETL_POSTGRES";
    public const string DashboardUserVariable = "CLUSTERETL_DASHBOARD_USER";
    public const string DashboardPasswordVariable = "CLUSTERETL_DASHBOARD_PASSWORD";
}
