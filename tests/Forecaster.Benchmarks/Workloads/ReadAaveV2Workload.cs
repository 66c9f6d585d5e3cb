using Forecaster.Ingest.Snapshots;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>The reading and cleaning part of <see cref="IngestAaveV2Workload"/> alone, to tell parsing from storing.</summary>
public sealed class ReadAaveV2Workload : IWorkload
{
    public string Name => "read-aave-v2";

    public string Description => "parse and clean the four aave-v2-hourly files without storing them";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.Root, "aave-v2-hourly"), "*.csv.gz");
        var markets = await SnapshotFileLoader.LoadAsync(files);
        return (markets.Sum(m => m.RowsRead), "rows");
    }
}
