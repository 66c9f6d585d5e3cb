using Forecaster.Markets;
using Forecaster.Publish.Inputs;
using Forecaster.Risk;
using Xunit;

namespace Forecaster.Publish.Tests;

public sealed class BaselineChartInputsTests
{
    private static readonly DateTimeOffset T = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Market M = new("m", "test", "test", "USDC");

    [Fact]
    public void Flows_SplitsNetChangesIntoDirections_AndAddsBackLiquidatedDebt()
    {
        MarketHour H(int h, double s, double b, double liq) => new(T.AddHours(h), s, b, liq, 1, 2, DataQuality.None, 0, 0);
        // Hour 1: +10 deposits, +5 borrows. Hour 2: -4 deposits, borrows -3 of which 2 liquidated (so 1 repaid). Hour 4 follows a gap.
        var hours = new[] { H(0, 100, 50, 0), H(1, 110, 55, 0), H(2, 106, 52, 2), H(4, 200, 52, 0) };

        var flows = BaselineChartInputs.Flows(M, hours, T);

        Assert.Equal([T.AddHours(1), T.AddHours(2)], flows.Times);
        Assert.Equal([10.0, 0], flows.DepositsUsd);
        Assert.Equal([0, 4.0], flows.WithdrawalsUsd);
        Assert.Equal([5.0, 0], flows.BorrowsUsd);
        Assert.Equal([0, 1.0], flows.RepaysUsd);
        Assert.Equal([0, 2.0], flows.LiquidationsUsd);
    }

    [Fact]
    public void Flows_DrawsTokenChangesAtTheEarlierPrice_WhenHoursKnowTheirTokens()
    {
        MarketHour H(int h, double price, double supplied, double borrowed) =>
            new(T.AddHours(h), supplied * price, borrowed * price, 0, 1, 2, DataQuality.None, 0, 0) { SuppliedTokens = supplied * 1e18 };
        // Hour 1: the price halves, no token moves. Hour 2: the price rises by half while 10 tokens are deposited and 5 borrowed.
        var hours = new[] { H(0, 2000, 100, 50), H(1, 1000, 100, 50), H(2, 1500, 110, 55) };

        var flows = BaselineChartInputs.Flows(M, hours, T);

        static IEnumerable<double> Cents(IEnumerable<double> usd) => usd.Select(v => Math.Round(v, 2));
        Assert.Equal([0, 10 * 1000.0], Cents(flows.DepositsUsd));
        Assert.Equal([0, 0.0], flows.WithdrawalsUsd);
        Assert.Equal([0, 5 * 1000.0], Cents(flows.BorrowsUsd));
        Assert.Equal([0, 0.0], flows.RepaysUsd);
    }

    [Fact]
    public void Flows_DrawsGrossEventFlowsAsTheyAre_WhenHoursCarryThem()
    {
        MarketHour H(int h, double s, GrossFlows? f) => new MarketHour(T.AddHours(h), s, 50, h == 2 ? 3 : 0, 1, 2, DataQuality.None, 0, 0) { Flows = f };
        // Hour 1: 40 in and 30 out nets to +10, but the gross bars show both; hour 2 follows a gap yet has its own flows.
        var hours = new[] { H(0, 100, null), H(1, 110, new GrossFlows(40, 30, 7, 2)), H(3, 90, new GrossFlows(0, 20, 0, 5)) };

        var flows = BaselineChartInputs.Flows(M, hours, T);

        Assert.Equal([T.AddHours(1), T.AddHours(3)], flows.Times);
        Assert.Equal([40.0, 0], flows.DepositsUsd);
        Assert.Equal([30.0, 20], flows.WithdrawalsUsd);
        Assert.Equal([7.0, 0], flows.BorrowsUsd);
        Assert.Equal([2.0, 5], flows.RepaysUsd);
        Assert.StartsWith("gross event-level flows (", flows.Method);
    }

    [Fact]
    public void Flows_SaysWhichHoursAreNet_WhenOnlySomeHoursHaveEventFlows()
    {
        var hours = new[]
        {
            new MarketHour(T, 100, 50, 0, 1, 2, DataQuality.None, 0, 0),
            new MarketHour(T.AddHours(1), 110, 50, 0, 1, 2, DataQuality.None, 0, 0),
            new MarketHour(T.AddHours(2), 120, 50, 0, 1, 2, DataQuality.None, 0, 0) { Flows = new GrossFlows(10, 0, 0, 0) },
        };

        var flows = BaselineChartInputs.Flows(M, hours, T);

        Assert.Equal("gross event-level flows for 1 of 2 hours, net hourly changes for the rest", flows.Method);
    }

    [Fact]
    public void Alerts_MergesContiguousDaysOfSameColour_AndSplitsOnColourChange()
    {
        ProbabilityPoint P(int d, MarketStatus s) => new(T.AddDays(d), 0, s);
        var history = new[] { P(0, MarketStatus.Green), P(1, MarketStatus.Amber), P(2, MarketStatus.Amber), P(3, MarketStatus.Red), P(4, MarketStatus.Green) };

        var alerts = BaselineChartInputs.Alerts(history);

        Assert.Equal([new(T.AddDays(1), T.AddDays(3), false), new(T.AddDays(3), T.AddDays(4), true)], alerts);
    }

    [Fact]
    public void ProbabilityHistory_UsesOnlyDataUpToEachDay_WhenLaterShortfallExists()
    {
        var m = SimulatedMarkets.Usdc;
        var asOf = SimulatedMarkets.ShortfallAsOf;

        var full = BaselineChartInputs.ProbabilityHistory(m.Market, m.Hours, asOf, 10);
        var truncated = BaselineChartInputs.ProbabilityHistory(m.Market, m.Hours.Where(h => h.Hour <= asOf - TimeSpan.FromDays(5)).ToList(), asOf - TimeSpan.FromDays(5), 5);

        // The first five days must not change when later hours are removed: no look-ahead.
        Assert.Equal(truncated, full.Take(5));
        Assert.Equal(MarketStatus.Red, full[^1].Status);
    }
}
