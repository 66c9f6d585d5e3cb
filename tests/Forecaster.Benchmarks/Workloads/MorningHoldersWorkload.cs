using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// What holders add to the morning run: find every market's account-level flows in the store (automatic), read them up
/// to the as-of hour and measure each market's concentration, on 6 simulated markets x 730 days with their events.
/// </summary>
public sealed class MorningHoldersWorkload : IWorkload, IAsyncDisposable
{
    private static readonly SimulationOptions Options = new() { Markets = 6, Days = 730 };
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-holders").FullName;
    private DuckDbMarketStore? _store;
    private DuckDbFlowEventStore? _flows;

    public string Name => "morning-holders";

    public string Description => "the brief's holders: find, read (up to the as-of hour) and measure every market's account-level flows, 6 simulated markets x 730 days";

    public async Task SetupAsync()
    {
        _store = DuckDbMarketStore.Open(Path.Combine(_folder, "s.duckdb"));
        _flows = DuckDbFlowEventStore.Attach(_store);
        await new SimulationService(_store).SimulateWithEventsAsync(Options, _flows);
    }

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var asOf = (await _store!.GetLatestHourAsync())!.Value;
        var flows = await new AccountFlowReader(_flows).LoadAsync(asOf);
        long events = 0;
        foreach (var market in flows.Markets.Order(StringComparer.Ordinal))
        {
            // Counted in a pass of its own, so the figure includes reading every event twice: the count and the measure.
            events += await flows.ReadAsync(market).CountAsync();
            Console.WriteLine($"{Name}: {market}: {(await flows.AtEndOfHourAsync(market, asOf))!.Holders:N0} holders");
        }
        await DisposeAsync();
        return (events, "events");
    }

    public async ValueTask DisposeAsync()
    {
        if (_flows is not null) await _flows.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        (_flows, _store) = (null, null);
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }
}
