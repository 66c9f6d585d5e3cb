namespace Forecaster.Benchmarks.Workloads;

/// <summary>The morning pipeline for 100 simulated markets in one process on Hangfire.InMemory.</summary>
public sealed class ServiceMorningInMemoryWorkload : IWorkload
{
    public string Name => "service-morning-inmemory";
    public string Description => "morning pipeline (ingest, forecast, recommend, publish) for 100 simulated markets, Hangfire.InMemory, 2 workers";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bench-svc").FullName;
        try { return (await ServiceMorningRun.InMemoryAsync(folder), "markets"); }
        finally { Directory.Delete(folder, true); }
    }
}

/// <summary>The morning pipeline for 100 simulated markets on PostgreSQL, one worker process.</summary>
public sealed class ServiceMorningPostgres1Workload : IWorkload
{
    public string Name => "service-morning-pg1";
    public string Description => "morning pipeline for 100 simulated markets, Hangfire.PostgreSql, 1 worker process (2 Hangfire workers)";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bench-svc").FullName;
        try { return (await ServiceMorningRun.PostgresAsync(folder, 1), "markets"); }
        finally { Directory.Delete(folder, true); }
    }
}

/// <summary>The morning pipeline for 100 simulated markets on PostgreSQL, two worker processes.</summary>
public sealed class ServiceMorningPostgres2Workload : IWorkload
{
    public string Name => "service-morning-pg2";
    public string Description => "morning pipeline for 100 simulated markets, Hangfire.PostgreSql, 2 worker processes (2 Hangfire workers each)";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bench-svc").FullName;
        try { return (await ServiceMorningRun.PostgresAsync(folder, 2), "markets"); }
        finally { Directory.Delete(folder, true); }
    }
}
