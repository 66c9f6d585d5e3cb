using Forecaster.Ingest.Snapshots;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>Issue 2's figure: ingest the four shared Aave v2 files (~180,000 rows) into a fresh store.</summary>
public sealed class IngestAaveV2Workload : IWorkload
{
    private string[] _files = [];
    private string _directory = "";

    public string Name => "ingest-aave-v2";

    public string Description => "ingest the four ../shared/data/aave-v2-hourly files into a fresh DuckDB store (target < 3 s)";

    public Task SetupAsync()
    {
        var folder = Path.Combine(SharedData.Root, "aave-v2-hourly");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"Shared data not found at {folder}: this benchmark needs ../shared/data.");
        _files = Directory.GetFiles(folder, "*.csv.gz").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        _directory = Path.Combine(Path.GetTempPath(), $"forecaster-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public async Task<(long Items, string Unit)> RunAsync()
    {
        await using var store = DuckDbMarketStore.Open(Path.Combine(_directory, "bench.duckdb"));
        var summary = await new SnapshotIngestor(store).IngestAsync(_files, new SnapshotIngestOptions());
        Directory.Delete(_directory, recursive: true);
        return (summary.RowsRead, "rows");
    }
}
