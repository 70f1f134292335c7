using ClusterEtl.Jobs.Hosting;
using ClusterEtl.Transforms.Kernel;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>Creates the Hangfire job storage; PostgreSQL's connection string never reaches a log.</summary>
public static class JobStorageFactory
{
    public static JobStorage Create(ServeOptions o, out string description)
    {
        switch (o.Storage)
        {
            case "memory":
                description = "memory (this process only)";
                return new InMemoryStorage(new InMemoryStorageOptions());
            case "postgres":
                var cs = o.Postgres ?? Environment.GetEnvironmentVariable(ServeOptions.PostgresVariable)
                         ?? throw new UsageException(
                             $"--storage postgres needs --postgres CONNSTRING or the {ServeOptions.PostgresVariable} environment variable");
                NpgsqlConnectionStringBuilder builder;
                try
                {
                    builder = new NpgsqlConnectionStringBuilder(cs);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException($"the PostgreSQL connection string is not valid ({e.Message.Split('(')[0].Trim()})");
                }
                description = $"postgres {builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(o.InvisibilitySeconds),
                    DistributedLockTimeout = TimeSpan.FromSeconds(o.LockTimeoutSeconds),
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                };
                return InstallSerialised(cs, options);
            default:
                throw new UsageException($"unknown storage '{o.Storage}' (memory or postgres)");
        }
    }

    /// <summary>
    /// Hangfire.PostgreSql installs or upgrades its schema when the storage is created, and two processes
    /// starting together race on it ("schema already exists"). A session-level advisory lock makes one wait.
    /// </summary>
    static PostgreSqlStorage InstallSerialised(string connectionString, PostgreSqlStorageOptions options)
    {
        using var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new TransientPipelineException("serve",
                $"cannot connect to the PostgreSQL job storage ({e.Message})",
                "Check that PostgreSQL is running and the connection string (host, port, database, user) is right.");
        }
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(726354911)", connection)) lockCommand.ExecuteNonQuery();
        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        finally
        {
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(726354911)", connection);
            unlock.ExecuteNonQuery();
        }
    }
}
