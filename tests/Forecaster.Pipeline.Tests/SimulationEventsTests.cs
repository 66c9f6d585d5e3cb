using Forecaster.Flows;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The simulator's events in a real DuckDB store: read back as they were, stored once, another run refused.</summary>
public class SimulationEventsTests
{
    private static readonly SimulationOptions Options = new() { Markets = 2, Days = 20 };

    [Fact]
    public async Task SimulateWithEvents_StoresEveryEventOnce_ReadBackAsSimulatedOneBlockLater()
    {
        using var temp = new TempDirectory("sim-events");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(store);
        var service = new SimulationService(store);

        var first = await service.SimulateWithEventsAsync(Options, flows, ct);
        var again = await service.SimulateWithEventsAsync(Options, flows, ct);

        var expected = AgentSimulator.Run(Options, new AgentBehaviour { KeepEvents = true }).SelectMany(m => m.Events).ToList();
        Assert.Equal(expected.Count, first.Events.Inserted);
        Assert.Equal(new FlowAppendResult(0, expected.Count), again.Events);
        Assert.All(again.Hours, h => Assert.Equal(Options.Days * 24, h.Unchanged));
        var stored = (await flows.GetLogsAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct)).Select(l => l.Flow!).ToList();
        var shifted = expected.Select(e => e with { Block = e.Block + SimulatedFlowLogs.BlockOffset });
        Assert.Equal(shifted.OrderBy(e => e.Block).ThenBy(e => e.Market, StringComparer.Ordinal).ThenBy(e => e.LogIndex),
            stored.OrderBy(e => e.Block).ThenBy(e => e.Market, StringComparer.Ordinal).ThenBy(e => e.LogIndex));
        // The opening deposits come first, at block 0.
        Assert.Equal(0, stored.Min(e => e.Block));
    }

    [Fact]
    public async Task SimulateWithEvents_RefusesAnotherRunsStore_AndLeavesItAsItWas()
    {
        using var temp = new TempDirectory("sim-events");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(store);
        var service = new SimulationService(store);
        await service.SimulateWithEventsAsync(Options, flows, ct);
        var hoursBefore = await store.GetHoursAsync("sim_usdc", cancellationToken: ct);
        var logsBefore = (await flows.GetLogsAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct)).Count;

        var error = await Assert.ThrowsAsync<ForecasterException>(() => service.SimulateWithEventsAsync(Options with { Seed = 7 }, flows, ct));

        Assert.Contains("already holds simulated events of another run", error.Message);
        Assert.Equal(hoursBefore, await store.GetHoursAsync("sim_usdc", cancellationToken: ct));
        Assert.Equal(logsBefore, (await flows.GetLogsAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct)).Count);
    }
}
