using Forecaster.Host.Api;
using Forecaster.Host.Security;
using Forecaster.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Forecaster.Host;

/// <summary>The HTTP side: API, dashboard, reports, API-key guard.</summary>
public static class ForecasterWebExtensions
{
    /// <summary>Registers what the endpoints need.</summary>
    public static IHostApplicationBuilder AddForecasterApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ApiKeyCheck>();
        return builder;
    }

    /// <summary>Maps the guard, the API, the dashboard at /hangfire and the reports folder at /reports.</summary>
    public static WebApplication MapForecaster(this WebApplication app)
    {
        app.UseMiddleware<ApiKeyMiddleware>();
        var reports = Path.GetFullPath(app.Services.GetRequiredService<JobsOptions>().ReportsDirectory);
        Directory.CreateDirectory(reports);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(reports),
            RequestPath = "/reports",
            ServeUnknownFileTypes = false,
            ContentTypeProvider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider { Mappings = { [".md"] = "text/markdown; charset=utf-8" } },
        });
        app.MapForecasterApi();
        app.MapLatestReport();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new ApiKeyDashboardFilter(app.Services.GetRequiredService<ApiKeyCheck>())],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Forecaster jobs",
        });
        return app;
    }
}
