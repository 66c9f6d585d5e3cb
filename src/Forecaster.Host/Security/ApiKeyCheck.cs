using System.Security.Cryptography;
using System.Text;
using Forecaster.Host.Options;
using Microsoft.AspNetCore.Http;

namespace Forecaster.Host.Security;

/// <summary>
/// Whether a request carries the API key: header <c>X-Api-Key</c>, <c>Authorization: Bearer</c>, or the cookie the
/// dashboard login sets. Required when the service binds beyond loopback, or whenever a key is configured.
/// </summary>
public sealed class ApiKeyCheck(ServiceOptions options)
{
    /// <summary>Request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Cookie set after a browser presents <c>?api_key=</c> once, so the dashboard's own requests carry it.</summary>
    public const string CookieName = "forecaster_api_key";

    /// <summary>True when requests must present the key.</summary>
    public bool Required => !string.IsNullOrEmpty(options.ApiKey) || Loopback.AnyOffLoopback(options.Urls);

    /// <summary>True when the request may pass.</summary>
    public bool Allows(HttpContext context)
    {
        if (!Required) return true;
        var presented = context.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0 && context.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = auth["Bearer ".Length..].Trim();
        if (presented.Length == 0) presented = context.Request.Cookies[CookieName] ?? "";
        return Matches(presented);
    }

    /// <summary>Constant-time comparison with the configured key; false when none is configured.</summary>
    public bool Matches(string presented)
    {
        if (string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrEmpty(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey)));
    }
}
