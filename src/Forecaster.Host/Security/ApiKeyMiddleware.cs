using Microsoft.AspNetCore.Http;

namespace Forecaster.Host.Security;

/// <summary>
/// Guards /api, /hangfire and /reports with the API key (401 ProblemDetails without it). /health stays open: it
/// reveals nothing. A browser may present <c>?api_key=</c> once: it is moved to an HttpOnly cookie and the URL
/// without it is loaded, so the key does not linger in history or access logs.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyCheck check)
{
    private static readonly string[] Guarded = ["/api", "/hangfire", "/reports"];

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!check.Required || !Guarded.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }
        if (context.Request.Query.TryGetValue("api_key", out var fromQuery) && check.Matches(fromQuery.ToString()))
        {
            context.Response.Cookies.Append(ApiKeyCheck.CookieName, fromQuery.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps });
            context.Response.Redirect(context.Request.PathBase + context.Request.Path);
            return;
        }
        if (check.Allows(context))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(statusCode: 401, title: "API key required",
            detail: $"This service is bound beyond loopback: send the key in the {ApiKeyCheck.HeaderName} header.").ExecuteAsync(context);
    }
}
