using Forecaster.Ingest.Snapshots;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>The reading and cleaning part of <see cref="IngestAaveV2Workload"/> alone, to tell parsing from storing.</summary>
public sealed class ReadAaveV2Workload : IWorkload
{
    public string Name => "read-aave-v2";

    public string Description => "parse and clean the four aave-v2-hourly files without storing them";

    public Task<(long Items, string Unit)> RunAsync()
    {
        var folder = Path.Combine(SharedData.Root, "aave-v2-hourly");
        long rows = 0;
        foreach (var file in Directory.GetFiles(folder, "*.csv.gz"))
        {
            var read = SnapshotCsvReader.Read(file);
            SnapshotCleaner.Clean(read.Rows);
            rows += read.RowsRead;
        }
        return Task.FromResult((rows, "rows"));
    }
}
