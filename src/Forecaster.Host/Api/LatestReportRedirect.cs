using Forecaster.Jobs;
using Forecaster.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Forecaster.Host.Api;

/// <summary>
/// <c>/reports/latest</c> (and <c>/reports/latest/&lt;file&gt;</c>, e.g. brief.html or brief.json) lead to the newest
/// written brief. A redirect rather than a copy, so the brief's relative links (its proposals) resolve from its own folder.
/// </summary>
public static class LatestReportRedirect
{
    /// <summary>Maps the two routes (under /reports, so the API-key guard covers them).</summary>
    public static IEndpointRouteBuilder MapLatestReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/latest", (JobsOptions options) => Redirect(options, "brief.html"));
        app.MapGet("/reports/latest/{file}", (string file, JobsOptions options) => Redirect(options, file));
        return app;
    }

    private static Results<RedirectHttpResult, ProblemHttpResult> Redirect(JobsOptions options, string file)
    {
        if (file.Contains('/') || file.Contains('\\') || file.Contains(".."))
            return TypedResults.Problem(statusCode: 400, title: "Bad file name", detail: "Name one file of the brief's folder, e.g. brief.html.");
        if (LatestBriefLocator.FindDirectory(options.ReportsDirectory) is not { } directory)
            return TypedResults.Problem(statusCode: 404, title: "No report yet", detail: "No brief has been written yet.");
        return TypedResults.Redirect($"/reports/{Path.GetFileName(directory)}/{Uri.EscapeDataString(file)}");
    }
}
