using System.Net;

namespace Forecaster.Host.Security;

/// <summary>Tells whether listen URLs stay on this machine.</summary>
public static class Loopback
{
    /// <summary>The URLs of a semicolon-separated list.</summary>
    public static IReadOnlyList<string> SplitUrls(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True for localhost, 127.0.0.0/8 and ::1; false for wildcards (*, +, 0.0.0.0, [::]) and any other host.</summary>
    public static bool IsLoopbackUrl(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>True when any of the URLs leaves loopback.</summary>
    public static bool AnyOffLoopback(string? urls) => SplitUrls(urls).Any(u => !IsLoopbackUrl(u));
}
