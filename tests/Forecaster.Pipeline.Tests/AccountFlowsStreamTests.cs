using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// Holders read from the store one market at a time, streamed into the holders' pass, are those the whole in-memory event
/// lists give: hour by hour, and in a replay's buffers.
/// </summary>
public class AccountFlowsStreamTests
{
    private static readonly SimulationOptions Options = new() { Markets = 2, Days = 60, Seed = 3 };

    private static object Key(DepositorConcentration c) =>
        (c.Market, c.AsOf, c.Holders, c.KnownDeposits, c.Top1, c.Top5, c.Top10, c.Hhi, string.Join(",", c.Largest), c.UnmatchedWithdrawals, c.Unattributed, c.TransfersSkipped);

    [Fact]
    public async Task StreamedFromTheStore_GivesTheHoldersAndReplayOfTheInMemoryEvents()
    {
        using var temp = new TempDirectory("flows-stream");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flowStore = DuckDbFlowEventStore.Attach(store);
        await new SimulationService(store).SimulateWithEventsAsync(Options, flowStore, ct);
        var inMemory = AgentSimulator.Run(Options, new AgentBehaviour { KeepEvents = true });

        var streamed = await AccountFlows.LoadAsync(flowStore, AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct);

        Assert.Equal(inMemory.Select(m => m.Market.Name).Order(StringComparer.Ordinal), streamed.Markets.Order(StringComparer.Ordinal));
        foreach (var m in inMemory)
        {
            var times = m.Hours.Where((_, i) => i % 5 == 0).Select(h => h.Hour + HourlyGrid.Step).ToList();
            var listed = DepositorConcentration.Series(m.Market.Name, m.Events, times);
            Assert.Equal(listed.Select(Key), (await streamed.SeriesAsync(m.Market.Name, times, ct)).Select(Key));
            Assert.True(listed[^1].Holders > 100, $"{listed[^1].Holders} holders");
        }

        var basis = ReplayBasis.Named["concentration"];
        var fromStore = await ReplayService.RunAsync(store, RiskAppetite.Moderate, TimeSpan.FromDays(1), ct, basis, streamed);
        var fromLists = await ReplayService.RunAsync(inMemory.Select(m => (m.Market, m.Hours)).ToList(), RiskAppetite.Moderate, TimeSpan.FromDays(1), ct, basis,
            AccountFlows.From(inMemory.ToDictionary(m => m.Market.Name, m => m.Events)));
        Assert.NotEmpty(fromLists.Samples);
        Assert.Equal(fromLists.Samples.Select(s => (s.Market, s.At, s.RecommendedBufferUsd, s.Target!.LargestHoldersUsd)),
            fromStore.Samples.Select(s => (s.Market, s.At, s.RecommendedBufferUsd, s.Target!.LargestHoldersUsd)));
        Assert.Equal(fromLists.Episodes.Select(e => e.RecommendedBufferUsd), fromStore.Episodes.Select(e => e.RecommendedBufferUsd));
        Assert.Equal(inMemory.Select(m => m.Market.Name).Order(StringComparer.Ordinal), fromStore.MarketsWithHolders);

        var unknown = await Assert.ThrowsAsync<ForecasterException>(() => AccountFlows.LoadAsync(flowStore, AgentSimulator.EventChain, "nobody", ct));
        Assert.Equal("Account-level flows: the store holds no logs of simulated:nobody.", unknown.Message);
    }
}
