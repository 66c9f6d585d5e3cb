using Hangfire.Dashboard;

namespace Forecaster.Host.Security;

/// <summary>
/// The dashboard's own guard, in place of Hangfire's local-requests-only default (which would lock out a remote
/// operator who has the key, and is the only guard if the middleware were ever mis-ordered): with a key required the
/// request must carry it; without one (loopback binding, no key) only local requests pass.
/// </summary>
public sealed class ApiKeyDashboardFilter(ApiKeyCheck check) : IDashboardAuthorizationFilter
{
    /// <inheritdoc />
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return check.Required ? check.Allows(http) : new LocalRequestsOnlyAuthorizationFilter().Authorize(context);
    }
}
