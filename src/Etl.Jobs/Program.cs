using ClusterEtl.Jobs.Commands;

// The command line is in Commands/ (one file per command, registered in CommandLine.Build).
Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.Logging.LogProviders.SerilogLogProvider());
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    cancel.Cancel();
});
return await CommandLine.RunAsync(args, cancel.Token);
