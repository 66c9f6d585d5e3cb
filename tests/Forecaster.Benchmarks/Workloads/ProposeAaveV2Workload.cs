using Forecaster.Ingest.Snapshots;
using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Issue 5's cost figure: one `propose` run (moderate) over the four shared Aave v2 markets as of 2022-06-17, the day before
/// the USDT crisis, from a store ingested in setup.
/// </summary>
public sealed class ProposeAaveV2Workload : ProposeWorkload
{
    public override string Name => "propose-aave-v2";

    public override string Description => "propose (moderate) over the four shared Aave v2 markets as of 2022-06-17";

    protected override DateTimeOffset? AsOf => new DateTimeOffset(2022, 6, 17, 0, 0, 0, TimeSpan.Zero);

    protected override Task FillAsync(DuckDbMarketStore store) => new SnapshotIngestor(store).IngestAsync(SharedData.AaveV2Files(), new SnapshotIngestOptions());
}

/// <summary>The same over 20 simulated markets (a year each): most need no action, so most skip the proposal's extras.</summary>
public sealed class ProposeSimulated20Workload : ProposeWorkload
{
    public override string Name => "propose-simulated-20";

    public override string Description => "propose (moderate) over 20 simulated markets of 365 days, as of their last hour";

    protected override Task FillAsync(DuckDbMarketStore store) => new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 20, Days = 365 });
}

/// <summary>A propose run over a store filled in setup (not measured).</summary>
public abstract class ProposeWorkload : IWorkload
{
    private string _directory = "";
    private DuckDbMarketStore? _store;

    public abstract string Name { get; }

    public abstract string Description { get; }

    protected virtual DateTimeOffset? AsOf => null;

    protected abstract Task FillAsync(DuckDbMarketStore store);

    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"forecaster-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _store = DuckDbMarketStore.Open(Path.Combine(_directory, "bench.duckdb"));
        await FillAsync(_store);
    }

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var result = await new ProposalService(_store!).CreateAsync(new ProposalOptions { OutputDirectory = Path.Combine(_directory, "out"), AsOf = AsOf });
        Console.WriteLine($"  {result.Recommendations.Count} markets assessed, {result.Proposals.Count} proposals written");
        await _store!.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
        return (result.Recommendations.Count, "markets");
    }
}
