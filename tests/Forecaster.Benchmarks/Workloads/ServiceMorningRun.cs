using System.Diagnostics;
using Forecaster.Host;
using Forecaster.Host.Storage;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Store.Postgres;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// The morning pipeline (ingest → fan-out, stress scenarios and track record → forecast, charts and brief part ×N → recommend and proposal ×N → publish) for simulated markets, run through
/// Hangfire exactly as the service runs it; prints the wall time of each stage from the ledger's start/finish stamps.
/// </summary>
internal static class ServiceMorningRun
{
    public const int Markets = 100, Days = 365;

    public static async Task<long> InMemoryAsync(string folder)
    {
        using var host = ForecasterServer.Build([], new Dictionary<string, string?>
        {
            ["Forecaster:Service:Urls"] = "http://127.0.0.1:0",
            ["Forecaster:Service:SchedulePollingInterval"] = "00:00:00.5",
            ["Forecaster:Service:RegisterSchedules"] = "false",
            ["Forecaster:Storage:StorePath"] = Path.Combine(folder, "s.duckdb"),
            ["Forecaster:Jobs:ReportsDirectory"] = Path.Combine(folder, "reports"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var store = host.Services.GetRequiredService<IMarketStore>();
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = Markets, Days = Days });
        await host.StartAsync();
        try
        {
            return await RunAsync(host.Services.GetRequiredService<IBackgroundJobClient>(), host.Services.GetRequiredService<IStageLedger>());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public static async Task<long> PostgresAsync(string folder, int workers)
    {
        await using var cluster = await ThrowawayPostgres.StartAsync();
        var connection = await cluster.CreateDatabaseAsync();
        await using var store = await PostgresMarketStore.OpenAsync(connection);
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = Markets, Days = Days });
        var ledger = new PostgresStageLedger(store.DataSource);
        await ledger.EnsureAsync();
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        // An in-process host run earlier left Hangfire's static log provider pointing at its disposed logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.Logging.LogProviders.ColouredConsoleLogProvider(Hangfire.Logging.LogLevel.Error));
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connection, options), options);
        var processes = Enumerable.Range(1, workers).Select(i => WorkerProcess.Start(connection, $"w{i}", Path.Combine(folder, "reports"))).ToList();
        try
        {
            // Worker start-up is not part of the morning: wait until every worker has announced itself.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (storage.GetMonitoringApi().Servers().Count < workers)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{workers} workers did not start within 60 s.");
                await Task.Delay(200);
            }
            return await RunAsync(new BackgroundJobClient(storage), ledger);
        }
        finally
        {
            foreach (var p in processes) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); p.Dispose(); }
        }
    }

    private static async Task<long> RunAsync(IBackgroundJobClient jobs, IStageLedger ledger)
    {
        var triggered = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        jobs.Enqueue<StartMorningJob>(j => j.RunAsync(CancellationToken.None));
        DateTimeOffset? asOf = null;
        while (asOf is null)
        {
            if (stopwatch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The morning pipeline did not publish within 10 minutes.");
            await Task.Delay(100);
            asOf = await ledger.GetLatestAsOfAsync(PipelineStages.Publish);
        }
        Console.WriteLine($"  published {stopwatch.Elapsed.TotalSeconds:F2} s after the trigger");
        foreach (var stage in new[] { PipelineStages.FanOut, PipelineStages.Scenarios, PipelineStages.TrackRecord, PipelineStages.Forecast, PipelineStages.Recommend, PipelineStages.Publish })
        {
            var records = await ledger.ListAsync(stage, asOf.Value);
            var first = records.Min(r => r.StartedAt);
            var last = records.Max(r => r.CompletedAt);
            Console.WriteLine($"  {stage,-10} {records.Count,4} results, from +{(first - triggered).TotalSeconds,6:F2} s to +{(last - triggered).TotalSeconds,6:F2} s " +
                              $"(span {(last - first).TotalSeconds:F2} s, sum of job times {records.Sum(r => (r.CompletedAt - r.StartedAt).TotalSeconds):F2} s, workers {string.Join(",", records.Select(r => r.Worker).Distinct().Order())})");
        }
        return (await ledger.ListAsync(PipelineStages.Forecast, asOf.Value)).Count;
    }
}
