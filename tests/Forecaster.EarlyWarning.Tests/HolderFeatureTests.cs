using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Modeling.Features;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class HolderFeatureTests
{
    private static FlowEvent Flow(DateTimeOffset at, FlowKind kind, string account, decimal amount, string market = "m") =>
        new("test", $"0x{at.ToUnixTimeSeconds():x}{account}", 0, 0, at, market, kind, amount, account);

    /// <summary>
    /// Hand-made holders, amounts in USD. End of hour 0: A 60, B 30, D 20, C 10 ($M). Hour 1: A leaves 50 at its first
    /// instant. Hour 2: E and F join with 5 each. B's exit stamped exactly at the end of hour 2 belongs to hour 3.
    /// </summary>
    private static readonly FlowEvent[] Events =
    [
        Flow(Hours.T0.AddHours(-1), FlowKind.Supply, "0xa", 60e6m),
        Flow(Hours.T0.AddHours(-1), FlowKind.Supply, "0xb", 30e6m),
        Flow(Hours.T0.AddHours(-1), FlowKind.Supply, "0xc", 10e6m),
        Flow(Hours.T0.AddMinutes(30), FlowKind.Supply, "0xd", 20e6m),
        Flow(Hours.T0.AddMinutes(40), FlowKind.Borrow, "0xd", 99e6m), // moves no balance
        Flow(Hours.T0.AddHours(1), FlowKind.Withdraw, "0xa", 50e6m),
        Flow(Hours.T0.AddHours(2).AddMinutes(10), FlowKind.Supply, "0xe", 5e6m),
        Flow(Hours.T0.AddHours(2).AddMinutes(20), FlowKind.Supply, "0xf", 5e6m),
        Flow(Hours.T0.AddHours(3), FlowKind.Withdraw, "0xb", 30e6m),
    ];

    private static float[] Column(MarketHistory market, string name) => FeatureColumns.Of(ShortfallFeatureBuilder.Build([market], 0.98)[0], name);

    [Fact]
    public void HolderColumns_MatchHandComputation_CountingEventsUpToTheEndOfEachHour()
    {
        // $100M deposits each hour; available liquidity $50M, then $10M in hour 3.
        var market = new MarketHistory("m", Hours.FromUtilization([0.5, 0.5, 0.5, 0.9])) { Holders = new HolderFlows(Events) };

        var top1 = Column(market, "holders_top1_share");
        var top5 = Column(market, "holders_top5_share");
        var coverage = Column(market, "log_liquidity_over_largest_holder");

        AssertClose([60.0 / 120, 30.0 / 70, 30.0 / 80, 20.0 / 50], top1);
        AssertClose([1, 1, 75.0 / 80, 1], top5);
        AssertClose([Math.Log(50.0 / 60), Math.Log(50.0 / 30), Math.Log(50.0 / 30), Math.Log(10.0 / 20)], coverage);
        // The largest holder alone could drain the reserve in hours 0 and 3 only.
        Assert.Equal([true, false, false, true], coverage.Select(c => c < 0).ToArray());
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
    }

    [Fact]
    public void Coverage_ValuesTokensAtTheHoursPrice_AndIsNaNWhereTheHourHasNoTokenBalance()
    {
        // The same holders counted in whole tokens of a 6-decimal asset worth $2: $100M of deposits are 50M tokens.
        var hours = Hours.FromUtilization([0.5, 0.5, 0.5, 0.9]).Select(h => h with { SuppliedTokens = 50e6 * 1e6 }).ToArray();
        hours[2] = hours[2] with { SuppliedTokens = double.NaN };
        var market = new MarketHistory("m", hours) { Holders = new HolderFlows(Events, TokenDecimals: 6) };

        var coverage = Column(market, "log_liquidity_over_largest_holder");

        Assert.Equal(Math.Log(50.0 / 120), coverage[0], 5);
        Assert.Equal(Math.Log(50.0 / 60), coverage[1], 5);
        Assert.True(float.IsNaN(coverage[2]));
        Assert.Equal(Math.Log(10.0 / 40), coverage[3], 5);
        // The shares need no price.
        Assert.Equal(30f / 80, Column(market, "holders_top1_share")[2], 6);
    }

    [Fact]
    public void HolderColumns_AreNaN_WhereHoldersAreUnknownOrNoOneHoldsYet()
    {
        var hours = Hours.FromUtilization([0.5, 0.5, 0.5, 0.5]);
        var late = new HolderFlows([Flow(Hours.T0.AddHours(2).AddMinutes(5), FlowKind.Supply, "0xa", 1e6m)]);

        foreach (var name in new[] { "holders_top1_share", "holders_top5_share", "log_liquidity_over_largest_holder" })
        {
            Assert.All(Column(new MarketHistory("m", hours), name), v => Assert.True(float.IsNaN(v), name));
            var fromHour2 = Column(new MarketHistory("m", hours) { Holders = late }, name);
            Assert.True(float.IsNaN(fromHour2[0]) && float.IsNaN(fromHour2[1]), name);
            Assert.False(float.IsNaN(fromHour2[2]) || float.IsNaN(fromHour2[3]), name);
        }
    }

    [Fact]
    public void HolderColumns_FollowTheCrossMarketColumns_AndTheirTrendsTheLevels_SoNoEarlierColumnMoves()
    {
        var names = ShortfallFeatureBuilder.Names;
        Assert.Equal(51, names.Count);
        Assert.Equal("others_share_util_above_090", names[44]);
        Assert.Equal(["holders_top1_share", "holders_top5_share", "log_liquidity_over_largest_holder"], names.Skip(45).Take(3));
        Assert.Equal(
            ["holders_top1_share_minus_median_30d", "log_liquidity_over_largest_holder_change_24h", "log_liquidity_over_largest_holder_minus_median_30d"],
            names.Skip(48));
    }

    [Fact]
    public void Build_NamesTheMarketAndEvent_WhenHolderEventsAreOutOfOrder()
    {
        var market = new MarketHistory("m", Hours.FromUtilization([0.5, 0.5])) { Holders = new HolderFlows([Events[3], Events[0]]) };

        var e = Assert.Throws<ForecasterException>(() => ShortfallFeatureBuilder.Build([market], 0.98));

        Assert.Contains("Depositor balances of m", e.Message, StringComparison.Ordinal);
        Assert.Contains("time order", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(200)]
    public void HolderColumns_UpToT_AreUnchanged_WhenLaterEventsAndHoursAreReplaced(int hourIndex)
    {
        var simulated = AgentSimulator.Run(new SimulationOptions { Markets = 1, Days = 12, Seed = 5 }, new AgentBehaviour { KeepEvents = true })[0];
        var market = new MarketHistory(simulated.Market.Name, simulated.Hours) { Holders = new HolderFlows(simulated.Events) };
        var end = simulated.Hours[hourIndex].Hour.AddHours(1);
        // After hour t: random amounts for other accounts, and random deposits and borrows.
        var random = new Random(hourIndex);
        var future = market with
        {
            Hours = market.Hours.Select(h => h.Hour < end ? h : h with { SuppliedUsd = 1e8 + random.NextDouble() * 1e9, BorrowedUsd = random.NextDouble() * 1e8 }).ToArray(),
            Holders = new HolderFlows(simulated.Events.Select(e => e.Timestamp < end ? e : e with
            {
                Kind = FlowKind.Supply,
                Amount = (decimal)(random.NextDouble() * 1e9),
                Account = $"0x9{random.Next(3)}",
            }).ToArray()),
        };

        var before = ShortfallFeatureBuilder.Build([market], 0.98)[0];
        var after = ShortfallFeatureBuilder.Build([future], 0.98)[0];

        // The levels and their trends against the market's own past (HolderTrendFeatures).
        foreach (var name in ShortfallFeatureBuilder.Names.Skip(45))
        {
            var b = FeatureColumns.Of(before, name);
            var a = FeatureColumns.Of(after, name);
            Assert.Equal(b[..(hourIndex + 1)], a[..(hourIndex + 1)]);
            Assert.False(float.IsNaN(b[hourIndex]), name);
            // The replacement really changed the next hour, so a peek would be caught.
            Assert.NotEqual(b[hourIndex + 1], a[hourIndex + 1]);
        }
    }
}
