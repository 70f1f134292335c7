using System.Text.RegularExpressions;

namespace ClusterEtl.Transforms.Kernel;

/// <summary>
/// Removes credentials from locations before they reach logs, the manifest or the warehouse:
/// user:password in a URL, and the values of query parameters that look like keys or tokens.
/// </summary>
public static partial class SecretRedactor
{
    public static string Redact(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.IsFile) return location;
        var builder = new UriBuilder(uri);
        if (!string.IsNullOrEmpty(builder.UserName) || !string.IsNullOrEmpty(builder.Password))
        {
            builder.UserName = "***";
            builder.Password = "";
        }
        var redacted = builder.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo | UriComponents.Path,
            UriFormat.UriEscaped);
        if (uri.Query.Length > 1)
            redacted += SecretParameter().Replace(uri.Query, m => m.Groups[1].Value + "***");
        return redacted;
    }

    [GeneratedRegex(@"((?:^|[?&])[^=&]*(?:key|token|secret|password|pwd|sig|signature|auth)[^=&]*=)[^&]*",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();
}
