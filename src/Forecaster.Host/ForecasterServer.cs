using Forecaster.Host.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Forecaster.Host;

/// <summary>
/// Builds the service: the whole "Program.cs". Configuration comes from appsettings.json, environment variables
/// (<c>Forecaster__Storage__Kind=postgres</c>) and, last and strongest, the overrides passed to <see cref="Build"/> (the CLI's options).
/// </summary>
public static class ForecasterServer
{
    /// <summary>Builds the web host, or with <c>Forecaster:Service:WorkerOnly</c> a host with only the Hangfire server.</summary>
    public static IHost Build(string[] args, IReadOnlyDictionary<string, string?> overrides)
    {
        var workerOnly = overrides.TryGetValue($"{ServiceOptions.SectionName}:WorkerOnly", out var w) && bool.TryParse(w, out var b) && b;
        if (workerOnly)
        {
            var worker = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
            worker.Configuration.AddInMemoryCollection(overrides);
            worker.AddForecasterStorage().AddForecasterJobs();
            return worker.Build();
        }
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls(Security.Loopback.SplitUrls(builder.Configuration[$"{ServiceOptions.SectionName}:Urls"] ?? ServiceOptions.Defaults.Urls).ToArray());
        builder.AddForecasterStorage().AddForecasterJobs().AddForecasterApi();
        var app = builder.Build();
        app.MapForecaster();
        return app;
    }
}
