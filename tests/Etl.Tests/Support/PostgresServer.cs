using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ClusterEtl.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL 15 on 127.0.0.1 and a free port: initdb into a temp folder (as the postgres user
/// when the tests run as root, since PostgreSQL refuses to run as root), password authentication, removed
/// after the tests.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Password = "s3cret-pw-7Q";
    readonly string _dir = Path.Combine(Path.GetTempPath(), "clusteretl-pg-" + Guid.NewGuid().ToString("N")[..8]);
    int _port;

    public string ConnectionString(string database = "clusteretl") =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Password={Password};Database={database};Timeout=15";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var pwfile = Path.Combine(_dir, "pw");
        await File.WriteAllTextAsync(pwfile, Password);
        if (IsRoot) Run("chown", "-R", "postgres", _dir);
        _port = Ports.Free();
        RunAsPostgres("initdb", "-D", Path.Combine(_dir, "data"), "-U", "postgres", "-A", "scram-sha-256", "--pwfile", pwfile, "--no-sync");
        RunAsPostgres("pg_ctl", "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log"), "-w", "-t", "60", "-o",
            $"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        await using var c = new NpgsqlConnection(ConnectionString("postgres"));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("CREATE DATABASE clusteretl", c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A new empty database, so each test has a job storage of its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var c = new NpgsqlConnection(ConnectionString("postgres"));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task DisposeAsync()
    {
        try
        {
            RunAsPostgres("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
        return Task.CompletedTask;
    }

    static bool IsRoot => Environment.UserName == "root";

    static void RunAsPostgres(string program, params string[] args)
    {
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", program, .. args]);
        else Run(program, args);
    }

    static void Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {err.Result}");
    }

}
