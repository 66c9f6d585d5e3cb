using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The concentration basis on a simulated market whose holders are known from its events.</summary>
public class ReplayConcentrationTests
{
    private const int ExitHour = 90 * 24;

    // A quiet world (no random shocks) with one whale holding 60% of the deposits, which asks for all of it back on day 90:
    // more than the 25-55% of deposits the market has lent out leaves liquid, so the exit is a shortfall from a calm market.
    private static SimulatedMarket WhaleMarket() => AgentSimulator.Run(new SimulationOptions { Markets = 1, Days = 100, Seed = 5 },
        new AgentBehaviour { RandomShocks = false, Whales = 1, WhaleShare = 0.6, KeepEvents = true, Script = [new ScriptedShock(ExitHour, ShockKind.WhaleExit, 1)] })[0];

    private static Task<ReplayResult> Replay(SimulatedMarket m, ReplayBasis basis, bool withHolders) =>
        ReplayService.RunAsync([(m.Market, m.Hours)], RiskAppetite.Moderate, basis: basis,
            accountFlows: withHolders ? AccountFlows.From(new Dictionary<string, IReadOnlyList<FlowEvent>> { [m.Market.Name] = m.Events }) : null);

    [Fact]
    public void SimulatedEvents_ExplainEveryHoldersBalance()
    {
        var m = WhaleMarket();
        foreach (var h in new[] { 0, ExitHour - 1, ExitHour + 1, m.Hours.Count - 1 })
        {
            var c = DepositorConcentration.At(m.Market.Name, m.Events, m.Hours[h].Hour + HourlyGrid.Step);
            Assert.Equal(m.Hours[h].SuppliedUsd, (double)c.KnownDeposits, 1e-6 * m.Hours[h].SuppliedUsd);
            // Nothing is withdrawn beyond a balance except rounding (events carry decimals of the simulator's doubles).
            Assert.InRange((double)c.UnmatchedWithdrawals, 0, 1e-9 * m.Hours[h].SuppliedUsd);
        }
        var before = DepositorConcentration.At(m.Market.Name, m.Events, m.Hours[ExitHour - 1].Hour + HourlyGrid.Step);
        Assert.StartsWith("0x2", m.Events.First(e => e.Amount == before.Top1).Account, StringComparison.Ordinal);
        Assert.InRange(before.Top1Share, 0.5, 0.7);
        // The next largest is a small depositor, a hundred times smaller.
        Assert.True(before.Largest[1] < before.Top1 / 100);
    }

    [Fact]
    public async Task Concentration_CoversTheWhaleExitTheOldRuleMisses_AndIsTheOldRuleWithoutHolders()
    {
        var m = WhaleMarket();
        var concentration = ReplayBasis.Named["concentration"];
        // Measured against the rule it was measured against: every scenario, the market's own stress (all-scenarios).
        var current = await Replay(m, ReplayBasis.Named["all-scenarios"], withHolders: true);
        var without = await Replay(m, concentration, withHolders: false);
        var with = await Replay(m, concentration, withHolders: true);

        var exit = Assert.Single(current.Episodes, e => e.HoursBefore == 24);
        Assert.Equal(m.Hours[ExitHour].Hour, exit.Start);
        Assert.False(exit.Covered);

        // Without account-level flows the basis is the rule it extends (all-scenarios), to the dollar, and says which markets had none.
        Assert.Equal(current.Episodes.Select(e => e.RecommendedBufferUsd), without.Episodes.Select(e => e.RecommendedBufferUsd));
        Assert.Equal(current.Samples.Select(s => s.RecommendedBufferUsd), without.Samples.Select(s => s.RecommendedBufferUsd));
        Assert.Equal(new[] { m.Market.Name }, without.MarketsWithoutHolders);
        Assert.Empty(without.MarketsWithHolders);
        Assert.Empty(current.MarketsWithoutHolders);

        // With them it covers the whale's exit: the two largest holders' deposits x 1.1, above the current buffer.
        var covered = Assert.Single(with.Episodes, e => e.HoursBefore == 24);
        Assert.True(covered.Covered);
        Assert.Equal(new[] { m.Market.Name }, with.MarketsWithHolders);
        var target = covered.Target!;
        var holders = DepositorConcentration.At(m.Market.Name, m.Events, exit.Start - TimeSpan.FromHours(23));
        Assert.Equal(holders.TopShare(2) * covered.DepositsUsd * 1.10, covered.RecommendedBufferUsd, 1e-6 * covered.DepositsUsd);
        Assert.Equal(exit.RecommendedBufferUsd, target.BufferBeforeHoldersUsd, 1e-6);
        // Every sampled day holds at least what that rule asked for.
        Assert.All(with.Samples.Zip(current.Samples), p => Assert.True(p.First.RecommendedBufferUsd >= p.Second.RecommendedBufferUsd));
    }

    [Fact]
    public async Task RunAsync_FromAStore_TakesTheHoldersFromAPoolsStoredLogs()
    {
        using var temp = new TempDirectory("replay-holders");
        var ct = TestContext.Current.CancellationToken;
        var m = WhaleMarket();
        const string Pool = "0x00000000000000000000000000000000000000aa";
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await store.UpsertAsync([new MarketBatch(m.Market, m.Hours)], ct);
        await using (var flowStore = DuckDbFlowEventStore.Attach(store))
        {
            // The deposit flows as a pool's logs (the other kinds would be dropped by the loader anyway), one block later, as a
            // chain has no block -1 (where the simulator stamps opening deposits).
            var logs = m.Events.Where(e => e.Kind is FlowKind.Supply or FlowKind.Withdraw).Select(e => e with { Block = e.Block + 1 }).Select(e => new PoolLog(
                new ChainLog(e.Chain, e.Block, $"0x{e.Block:x64}", e.TransactionHash, e.LogIndex, e.Timestamp, Pool, [], []), e)).ToList();
            var last = logs[^1].Log;
            var blocks = logs.Select(l => l.Log).DistinctBy(l => l.Block).Select(l => new ChainBlock(l.Chain, l.Block, l.BlockHash, l.Timestamp)).ToList();
            await flowStore.AppendAsync(new FlowLogBatch(blocks, logs,
                new ChainCheckpoint(last.Chain, Pool, last.Block, last.BlockHash)), ct);
        }

        await using var reader = DuckDbFlowEventStore.Attach(store);
        var flows = await AccountFlows.LoadAsync(reader, "simulated", Pool, ct);
        var result = await ReplayService.RunAsync(store, RiskAppetite.Moderate, basis: ReplayBasis.Named["concentration"], cancellationToken: ct, accountFlows: flows);

        Assert.Equal(new[] { m.Market.Name }, result.MarketsWithHolders);
        Assert.True(Assert.Single(result.Episodes, e => e.HoursBefore == 24).Covered);
        await Assert.ThrowsAsync<ForecasterException>(() => AccountFlows.LoadAsync(reader, "simulated", "0x00000000000000000000000000000000000000bb", ct));
    }
}
