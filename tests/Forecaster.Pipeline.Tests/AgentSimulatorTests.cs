using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class AgentSimulatorTests
{
    // Quiet world: no random crashes, depegs or lone whale exits, so a scripted shock is the only shock.
    private static AgentBehaviour Quiet(params ScriptedShock[] script) => new() { RandomShocks = false, Script = script, KeepEvents = true };

    private static SimulatedMarket One(AgentBehaviour behaviour, int days = 20, int seed = 3) =>
        AgentSimulator.Run(new SimulationOptions { Markets = 1, Days = days, Seed = seed }, behaviour)[0];

    // Withdrawals by small depositors (synthetic accounts of class 1) in hours [from, to).
    private static double RetailWithdrawals(SimulatedMarket m, int from, int to)
    {
        var start = m.Hours[0].Hour;
        return m.Events.Where(e => e.Kind == FlowKind.Withdraw && e.Account.StartsWith("0x1", StringComparison.Ordinal)
            && e.Timestamp >= start.AddHours(from) && e.Timestamp < start.AddHours(to)).Sum(e => (double)e.Amount);
    }

    [Fact]
    public void Run_GivesIdenticalMarketsAndEvents_WhenTheSeedIsTheSame_AndDifferentOnesOtherwise()
    {
        var options = new SimulationOptions { Markets = 3, Days = 30, Seed = 7 };
        var a = AgentSimulator.Run(options, new AgentBehaviour { KeepEvents = true });
        var b = AgentSimulator.Run(options, new AgentBehaviour { KeepEvents = true });
        var c = AgentSimulator.Run(options with { Seed = 8 }, new AgentBehaviour { KeepEvents = true });
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Market, b[i].Market);
            Assert.Equal(a[i].Hours, b[i].Hours);
            Assert.Equal(a[i].Events, b[i].Events);
            Assert.NotEqual(a[i].Hours.Select(h => h.SuppliedUsd), c[i].Hours.Select(h => h.SuppliedUsd));
        }
        // Keeping events changes nothing else.
        Assert.Equal(a[0].Hours, AgentSimulator.Run(options)[0].Hours);
    }

    [Fact]
    public void Run_KeepsEveryInvariant_AndItsGrossFlowsExplainEveryStateChange()
    {
        var markets = AgentSimulator.Run(new SimulationOptions { Markets = 12, Days = 120 }, new AgentBehaviour { KeepEvents = true });
        Assert.Equal(12, markets.Select(m => m.Market.Name).Distinct().Count());
        foreach (var m in markets)
        {
            Assert.True(m.Market.IsSimulated);
            Assert.Equal(120 * 24, m.Hours.Count);
            Assert.All(m.Hours, h => Assert.True(h.Has(DataQuality.Simulated)));
            Assert.All(m.Hours, h => Assert.True(h.SuppliedUsd >= 0 && h.BorrowedUsd >= 0 && h.LiquidationsUsd >= 0));
            Assert.All(m.Hours, h => Assert.InRange(h.RawUtilization, 0, 1));
            Assert.All(m.Hours.Zip(m.Hours.Skip(1)), p => Assert.Equal(HourlyGrid.Step, p.Second.Hour - p.First.Hour));
            Assert.All(m.Hours, h => h.Flows!.Value.Validate());
            // No interest is accrued, so deposits and borrows change by exactly their gross flows (and liquidations).
            foreach (var (before, after) in m.Hours.Zip(m.Hours.Skip(1)))
            {
                var f = after.Flows!.Value;
                Assert.Equal(after.SuppliedUsd - before.SuppliedUsd, f.DepositsUsd - f.WithdrawalsUsd, 1e-6 * before.SuppliedUsd);
                Assert.Equal(after.BorrowedUsd - before.BorrowedUsd, f.BorrowsUsd - f.RepaysUsd - after.LiquidationsUsd, 1e-6 * before.SuppliedUsd);
            }
            // The events of each hour add up to that hour's gross flows, and every event is the market's, on chain "simulated".
            var byHour = m.Events.GroupBy(e => HourlyGrid.Floor(e.Timestamp)).ToDictionary(g => g.Key);
            foreach (var h in m.Hours)
            {
                var events = byHour.TryGetValue(h.Hour, out var g) ? g.ToList() : [];
                double Sum(FlowKind kind) => events.Where(e => e.Kind == kind).Sum(e => (double)e.Amount);
                var tolerance = 1e-6 * h.SuppliedUsd;
                Assert.Equal(h.Flows!.Value.DepositsUsd, Sum(FlowKind.Supply), tolerance);
                Assert.Equal(h.Flows.Value.WithdrawalsUsd, Sum(FlowKind.Withdraw), tolerance);
                Assert.Equal(h.Flows.Value.BorrowsUsd, Sum(FlowKind.Borrow), tolerance);
                Assert.Equal(h.Flows.Value.RepaysUsd, Sum(FlowKind.Repay), tolerance);
                Assert.Equal(h.LiquidationsUsd, Sum(FlowKind.Liquidation), tolerance);
            }
            Assert.All(m.Events, e => Assert.True(e.Chain == "simulated" && e.Market == m.Market.Name && e.Amount > 0));
            Assert.Equal(m.Events.Count, m.Events.Select(e => (e.TransactionHash, e.LogIndex)).Distinct().Count());
        }
    }

    [Fact]
    public void Run_ProducesShocksAndShortfallsThatRecover_OverAYearOfTheDefaultMarkets()
    {
        var markets = AgentSimulator.Run(new SimulationOptions());
        Assert.Contains(markets, m => m.Shocks.Any(s => s.Kind == "bank run"));
        Assert.Contains(markets, m => m.Shocks.Any(s => s.Kind == "whale withdrawal"));
        Assert.Contains(markets, m => m.Hours.Any(h => h.LiquidationsUsd > 0));
        Assert.Contains(markets, m => m.Hours.Any(h => h.Utilization >= 0.98));
        Assert.All(markets, m => Assert.True(m.Hours.Count(h => h.Utilization >= 0.98) < m.Hours.Count / 10));
    }

    [Fact]
    public void ACollateralPriceCrash_CausesLiquidations()
    {
        var calm = One(Quiet());
        var crash = One(Quiet(new ScriptedShock(100, ShockKind.PriceCrash, 0.3)));

        var liquidated = crash.Hours.Skip(100).Take(6).Sum(h => h.LiquidationsUsd);
        var usual = calm.Hours.Skip(100).Take(6).Sum(h => h.LiquidationsUsd);
        Assert.True(liquidated > 0.02 * crash.Hours[99].BorrowedUsd, $"liquidated {liquidated:N0} of {crash.Hours[99].BorrowedUsd:N0} borrowed");
        Assert.True(usual < liquidated / 10, $"without the crash {usual:N0}");
        Assert.Contains(crash.Shocks, s => s.Kind == "price crash" && s.Hour == crash.Hours[100].Hour);
        Assert.All(crash.Events.Where(e => e.Kind == FlowKind.Liquidation), e => Assert.StartsWith("0x4", e.Account));
    }

    [Fact]
    public void AWhaleExit_RaisesUtilization_AndSmallDepositorsPanic()
    {
        var calm = One(Quiet());
        var exit = One(Quiet(new ScriptedShock(100, ShockKind.WhaleExit, 1.0)));

        Assert.Equal(calm.Hours[99], exit.Hours[99]);
        Assert.True(exit.Hours[100].Utilization > calm.Hours[100].Utilization + 0.02,
            $"utilization {exit.Hours[100].Utilization:P1} after the exit vs {calm.Hours[100].Utilization:P1}");
        var panicked = RetailWithdrawals(exit, 101, 149);
        var usual = RetailWithdrawals(calm, 101, 149);
        // A whale taking ~10% of deposits in an hour drives panic to ~0.27, fading by 15% an hour: about 3.6% of small
        // deposits more over the next two days, against ~14% of ordinary turnover, so roughly a quarter more.
        Assert.True(panicked > 1.1 * usual, $"small depositors withdrew {panicked:N0} after the whale left vs {usual:N0}");
    }

    [Fact]
    public void UnmetWithdrawalsQueue_AndARateAboveTheKinkPullsDepositsBack()
    {
        // One whale holding 70% of deposits leaves in hour 2: more than the liquidity, so the rest queues and
        // utilization is pinned at 100%. A steeper curve above the kink pays depositors more to come back and stay.
        AgentBehaviour Run(double slope2) => Quiet(new ScriptedShock(2, ShockKind.WhaleExit, 1.0)) with
        {
            Whales = 1,
            WhaleShare = 0.7,
            Curve = InterestRateModel.Stablecoin with { Slope2Pct = slope2 },
        };
        var gentle = One(Run(10));
        var steep = One(Run(300));

        Assert.Equal(gentle.Hours[1], steep.Hours[1]);
        Assert.True(gentle.Hours[2].Utilization >= 0.999 && steep.Hours[2].Utilization >= 0.999, "the exit drains every bit of liquidity");
        Assert.True(gentle.Hours.Count(h => h.Utilization >= 0.98) > steep.Hours.Count(h => h.Utilization >= 0.98),
            "the steeper curve ends the shortfall sooner");
        // In the first hour of the shortfall both markets are in the same state but for the rate: the higher rate draws
        // more deposits (1 + 5% per point of spread, capped at 20 points: about 2.0 against 1.4 times the usual).
        var suppliedGentle = gentle.Hours[3].Flows!.Value.DepositsUsd;
        var suppliedSteep = steep.Hours[3].Flows!.Value.DepositsUsd;
        Assert.True(suppliedSteep > 1.2 * suppliedGentle, $"deposits drawn in the hour: steep {suppliedSteep:N0} vs gentle {suppliedGentle:N0}");
        // ...and the market recovers: liquidity is back within the 20 days.
        Assert.True(steep.Hours[^1].Utilization < 0.98);
    }

    [Fact]
    public void Run_Throws_WhenABehaviourValueIsOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => One(new AgentBehaviour { CloseFactor = 0 }));
        Assert.Equal("CloseFactor", error.ParamName);
    }
}
