using System.Diagnostics;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Host.Storage;
using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Store.Postgres;
using Forecaster.Testing;
using Hangfire;
using Hangfire.PostgreSql;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>Real `forecaster serve --worker-only` processes sharing one PostgreSQL database.</summary>
public sealed class WorkerProcessTests(PostgresCluster cluster) : IDisposable
{
    private readonly List<Process> _workers = [];
    private readonly TempDirectory _temp = new("workers");

    [Fact]
    public async Task TwoWorkers_ShareTheQueue_WhenBothServeOneDatabase()
    {
        var (connection, asOf) = await SeedAsync(markets: 60, days: 60);
        StartWorker(connection, "w1");
        StartWorker(connection, "w2");
        var jobs = Client(connection);
        jobs.Enqueue<FanOutMarketsJob>(j => j.RunAsync(asOf, CancellationToken.None));

        await using var source = Npgsql.NpgsqlDataSource.Create(connection);
        var ledger = new PostgresStageLedger(source);
        await InMemoryPipelineTests.WaitForAsync(() => ledger.GetLatestAsOfAsync(PipelineStages.Publish, cancellationToken: TestContext.Current.CancellationToken), TimeSpan.FromSeconds(180));
        var forecasts = await ledger.ListAsync(PipelineStages.Forecast, asOf, TestContext.Current.CancellationToken);
        Assert.Equal(60, forecasts.Count);
        Assert.Equal(["w1", "w2"], forecasts.Select(f => f.Worker).Distinct().Order());
        Assert.Single(await ledger.ListAsync(PipelineStages.Publish, asOf, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task KilledWorker_LeavesTheJobToTheOther_WithOneResult()
    {
        var (connection, asOf) = await SeedAsync(markets: 100, days: 120);
        var w1 = StartWorker(connection, "w1");
        var storage = Storage(connection);
        var jobs = new BackgroundJobClient(storage);
        var id = jobs.Enqueue<PublishBriefJob>(j => j.RunAsync(asOf, CancellationToken.None));

        await RunningService.WaitForJobAsync(storage, id, TimeSpan.FromSeconds(90), until: "Processing");
        w1.Kill(entireProcessTree: true);
        await w1.WaitForExitAsync(TestContext.Current.CancellationToken);
        StartWorker(connection, "w2");
        // With no parts stored the publish job makes all 100 itself: minutes on a loaded shared machine.
        await RunningService.WaitForJobAsync(storage, id, TimeSpan.FromSeconds(300));

        await using var source = Npgsql.NpgsqlDataSource.Create(connection);
        var published = await new PostgresStageLedger(source).ListAsync(PipelineStages.Publish, asOf, TestContext.Current.CancellationToken);
        Assert.Equal("w2", Assert.Single(published).Worker);
        Assert.True(File.Exists(Path.Combine(_temp.File("reports"), asOf.ToString("yyyy-MM-dd"), "brief.json")));
    }

    private async Task<(string Connection, DateTimeOffset AsOf)> SeedAsync(int markets, int days)
    {
        var connection = await cluster.CreateDatabaseAsync();
        await using var store = await PostgresMarketStore.OpenAsync(connection, TestContext.Current.CancellationToken);
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = markets, Days = days }, TestContext.Current.CancellationToken);
        await new PostgresStageLedger(store.DataSource).EnsureAsync(TestContext.Current.CancellationToken);
        return (connection, (await store.GetLatestHourAsync(TestContext.Current.CancellationToken))!.Value);
    }

    internal static PostgreSqlStorage Storage(string connection)
    {
        // The same serializer settings as the workers, so the jobs this test enqueues deserialize there.
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        // An in-process host run earlier left Hangfire's static log provider pointing at its disposed logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.Logging.LogProviders.ColouredConsoleLogProvider(Hangfire.Logging.LogLevel.Error));
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connection, options), options);
    }

    private static BackgroundJobClient Client(string connection) => new(Storage(connection));

    private Process StartWorker(string connection, string name)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "forecaster.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _temp.Path };
        foreach (var a in new[] { exe, "serve", "--worker-only", "--storage", "postgres" }) info.ArgumentList.Add(a);
        // Secrets through the environment, not the command line.
        info.Environment["Forecaster__Storage__ConnectionString"] = connection;
        info.Environment["Forecaster__Storage__InvisibilityTimeout"] = "00:00:08";
        info.Environment["Forecaster__Jobs__WorkerName"] = name;
        info.Environment["Forecaster__Jobs__ReportsDirectory"] = _temp.File("reports");
        info.Environment["Forecaster__Service__WorkerCount"] = "1";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _workers.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var p in _workers)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); p.WaitForExit(10_000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        _temp.Dispose();
    }
}
