namespace ClusterEtl.Tests.Support;

/// <summary>
/// A test that drives headless Chromium (<see cref="HeadlessChromium"/>): reported as skipped, with the reason, where
/// <c>/usr/bin/chromium</c> is absent; never skipped under CI (<c>CI=true</c>), where <c>.ci/run</c> installs it, so a
/// missing browser fails there instead of hiding the test.
/// </summary>
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (HeadlessChromium.Missing is { } reason && Environment.GetEnvironmentVariable("CI") != "true") Skip = reason;
    }
}
