namespace Forecaster.Chain.Rpc;

/// <summary>
/// Masks secrets in node URLs before they reach a log or an error. Providers put API keys in the path
/// (<c>/v2/KEY</c>, <c>/v3/KEY</c>), the query (<c>?apikey=KEY</c>) or the user info (<c>user:KEY@host</c>);
/// all three are masked, scheme, host, port and short path segments (such as <c>v2</c>) are kept so the URL stays recognisable.
/// </summary>
public static class RpcUrl
{
    /// <summary>What replaces each secret part.</summary>
    public const string Mask = "***";

    // A path segment at least this long is treated as a key: version segments and chain names are shorter, keys are longer.
    private const int SecretSegmentLength = 12;

    /// <summary>The URL with every part that may hold a key replaced by <see cref="Mask"/>. Unparsable input is masked whole.</summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return Mask;
        var userInfo = uri.UserInfo.Length > 0 ? Mask + "@" : "";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var segments = uri.AbsolutePath.Split('/')
            .Select(s => s.Length >= SecretSegmentLength || LooksLikeKey(s) ? Mask : s);
        var query = uri.Query.Length > 1 ? "?" + Mask : "";
        return $"{uri.Scheme}://{userInfo}{uri.Host}{port}{string.Join('/', segments)}{query}";
    }

    /// <summary>
    /// The text with the URL and each of its secret parts replaced, for messages that may quote the URL (exception messages of
    /// lower layers sometimes do).
    /// </summary>
    public static string Scrub(string text, string url)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var result = text.Replace(url, Redact(url), StringComparison.OrdinalIgnoreCase);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            foreach (var secret in SecretParts(uri))
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return result;
    }

    private static IEnumerable<string> SecretParts(Uri uri)
    {
        if (uri.UserInfo.Length > 0)
        {
            yield return Uri.UnescapeDataString(uri.UserInfo);
            yield return uri.UserInfo;
        }
        foreach (var segment in uri.AbsolutePath.Split('/'))
            if (segment.Length >= SecretSegmentLength || LooksLikeKey(segment)) yield return segment;
        if (uri.Query.Length > 1)
        {
            foreach (var pair in uri.Query.TrimStart('?').Split('&'))
            {
                var value = pair.Split('=', 2) is [_, var v] ? v : pair;
                if (value.Length > 0) yield return value;
            }
        }
    }

    // Short keys exist too (e.g. 8-character tokens); a segment mixing letters and digits at length >= 8 is not a version or chain name.
    private static bool LooksLikeKey(string segment) =>
        segment.Length >= 8 && segment.Any(char.IsAsciiDigit) && segment.Any(char.IsAsciiLetter);
}
