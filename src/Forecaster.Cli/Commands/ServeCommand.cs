using System.CommandLine;
using Forecaster.Host;
using Forecaster.Host.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Forecaster.Cli.Commands;

/// <summary>
/// <c>forecaster serve [--urls URLS] [--store PATH] [--storage inmemory|postgres] [--connection STR] [--worker-only]</c>:
/// the Hangfire server, dashboard, JSON API and reports. Options given here override appsettings.json and environment variables.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Listen URLs, ';'-separated (default {ServiceOptions.Defaults.Urls}); beyond loopback an API key is required (Forecaster__Service__ApiKey)" };
        var store = new Option<string?>("--store") { Description = "Embedded store file for --storage inmemory (default data/forecaster.duckdb)" };
        var storage = new Option<string?>("--storage") { Description = "inmemory (default: one process) or postgres (several workers share the database)" };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string for --storage postgres (prefer Forecaster__Storage__ConnectionString: command lines are visible to other users)" };
        var workerOnly = new Option<bool>("--worker-only") { Description = "Run only the job server: no API, dashboard or schedule registration" };
        var command = new Command("serve", "Run the service: scheduled pipelines (Hangfire), dashboard at /hangfire, JSON API, reports at /reports.") { urls, store, storage, connection, workerOnly };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(urls) is { } u) overrides[$"{ServiceOptions.SectionName}:Urls"] = u;
            if (parse.GetValue(store) is { } s) overrides[$"{StorageOptions.SectionName}:StorePath"] = s;
            if (parse.GetValue(storage) is { } k)
            {
                if (!Enum.TryParse<StorageKind>(k, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                    throw new ForecasterException($"--storage must be inmemory or postgres (was '{k}').");
                overrides[$"{StorageOptions.SectionName}:Kind"] = kind.ToString();
            }
            if (parse.GetValue(connection) is { } c) overrides[$"{StorageOptions.SectionName}:ConnectionString"] = c;
            if (parse.GetValue(workerOnly)) overrides[$"{ServiceOptions.SectionName}:WorkerOnly"] = "true";
            try
            {
                using var host = ForecasterServer.Build([], overrides);
                await host.RunAsync(ct);
            }
            catch (OptionsValidationException e)
            {
                throw new ForecasterException(string.Join(" ", e.Failures));
            }
            return 0;
        });
        return command;
    }
}
