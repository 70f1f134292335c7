using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClusterEtl.Jobs.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterEtl.Jobs.Hangfire;

/// <summary>
/// Hangfire's dashboard on Kestrel. Binds to loopback by default; any other address needs
/// <c>--dashboard-auth basic</c> with a user and password from the environment. <c>--dashboard-read-only</c>
/// shows everything and refuses every action (trigger, retry, delete).
/// </summary>
public static class DashboardHost
{
    public static async Task<WebApplication> StartAsync(ServeOptions o, JobStorage storage, CancellationToken ct)
    {
        var (address, port) = ParseEndpoint(o.Dashboard!);
        var basic = o.DashboardAuth switch
        {
            "none" => null,
            "basic" => Credentials(),
            _ => throw new UsageException($"unknown --dashboard-auth '{o.DashboardAuth}' (none or basic)"),
        };
        if (!IPAddress.IsLoopback(address) && basic is null)
            throw new UsageException($"the dashboard on {address} would be reachable from other machines: " +
                                     "add --dashboard-auth basic (user and password from the environment), or bind 127.0.0.1");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, port));
        builder.Services.AddHangfire(_ => { });
        var app = builder.Build();
        if (basic is not null) app.Use(RequireBasicAuth(basic.Value.User, basic.Value.Password));
        app.UseHangfireDashboard("", new DashboardOptions
        {
            DashboardTitle = "ClusterEtl jobs",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = _ => o.DashboardReadOnly,
            // Loopback only unless basic auth guards the whole site (checked by the middleware above).
            Authorization = basic is null ? [new LocalRequestsOnlyAuthorizationFilter()] : [new AllowAuthenticated()],
        }, storage);
        await app.StartAsync(ct);
        return app;
    }

    static (IPAddress, int) ParseEndpoint(string endpoint)
    {
        var i = endpoint.LastIndexOf(':');
        if (i <= 0 || !int.TryParse(endpoint[(i + 1)..], out var port) || port is < 1 or > 65535)
            throw new UsageException($"--dashboard takes host:port (e.g. 127.0.0.1:8080), not '{endpoint}'");
        var host = endpoint[..i].Trim('[', ']');
        if (host == "localhost") return (IPAddress.Loopback, port);
        if (!IPAddress.TryParse(host, out var address))
            throw new UsageException($"--dashboard needs an IP address (127.0.0.1, 0.0.0.0, …), not '{host}'");
        return (address, port);
    }

    static (string User, string Password)? Credentials()
    {
        var user = Environment.GetEnvironmentVariable(ServeOptions.DashboardUserVariable);
        var password = Environment.GetEnvironmentVariable(ServeOptions.DashboardPasswordVariable);
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
            throw new UsageException($"--dashboard-auth basic needs {ServeOptions.DashboardUserVariable} and " +
                                     $"{ServeOptions.DashboardPasswordVariable} in the environment");
        return (user, password);
    }

    static Func<HttpContext, RequestDelegate, Task> RequireBasicAuth(string user, string password)
    {
        var expected = Encoding.UTF8.GetBytes($"{user}:{password}");
        return async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                byte[] given;
                try
                {
                    given = Convert.FromBase64String(header[6..].Trim());
                }
                catch (FormatException)
                {
                    given = [];
                }
                if (CryptographicOperations.FixedTimeEquals(given, expected))
                {
                    await next(context);
                    return;
                }
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"ClusterEtl\", charset=\"UTF-8\"";
        };
    }

    sealed class AllowAuthenticated : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
