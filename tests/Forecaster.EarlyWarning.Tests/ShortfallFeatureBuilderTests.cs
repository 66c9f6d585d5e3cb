using Forecaster.Markets;
using Forecaster.Modeling.Features;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class ShortfallFeatureBuilderTests
{
    private static IReadOnlyList<MarketHistory> Simulated(int seed)
    {
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 3, Days = 60, Seed = seed })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
        var prices = RandomPrices(markets[0].Hours[0].Hour.AddDays(-1), markets[0].Hours[^1].Hour, DateTimeOffset.MaxValue);
        // Two of the three know their token balances (the deposit flows read tokens there), under a moving price.
        return markets.Select((m, k) => m with { Prices = prices, Hours = k == 2 ? m.Hours : WithTokens(m.Hours) }).ToArray();
    }

    /// <summary>Token balances of a reserve whose token price wanders by a few percent: deposits in USD over the price.</summary>
    private static IReadOnlyList<MarketHour> WithTokens(IReadOnlyList<MarketHour> hours) =>
        hours.Select((h, i) => h with { SuppliedTokens = h.SuppliedUsd / (1 + 0.05 * Math.Sin(i / 30.0)) * 1e18 }).ToArray();

    /// <summary>
    /// ETH and one stablecoin observed every 50 minutes from <paramref name="from"/> to <paramref name="to"/>: a random walk
    /// and a wobble around $1; prices observed after <paramref name="shuffleAfter"/> are replaced by unrelated ones.
    /// </summary>
    private static MarketPrices RandomPrices(DateTimeOffset from, DateTimeOffset to, DateTimeOffset shuffleAfter)
    {
        var walk = new Random(1);
        var times = new List<DateTimeOffset>();
        for (var t = from; t <= to; t = t.AddMinutes(50)) times.Add(t);
        var eth = new double[times.Count];
        var stable = new double[times.Count];
        var price = 2000.0;
        var noise = new Random(99);
        for (var i = 0; i < times.Count; i++)
        {
            price *= Math.Exp(0.01 * (walk.NextDouble() - 0.5));
            eth[i] = times[i] <= shuffleAfter ? price : 100 + 5000 * noise.NextDouble();
            stable[i] = times[i] <= shuffleAfter ? 1 + 0.004 * (walk.NextDouble() - 0.5) : 0.5 + noise.NextDouble();
        }
        return new MarketPrices(new PriceSeries("ETH", times, eth), [new PriceSeries("USDC", times, stable)]);
    }

    /// <summary>Replaces every hour and price after <paramref name="t"/> with random values: a model that peeks would change.</summary>
    private static MarketHistory ShuffleFuture(MarketHistory market, DateTimeOffset t, Random random) =>
        market with
        {
            Prices = market.Prices is null ? null : RandomPrices(market.Hours[0].Hour.AddDays(-1), market.Hours[^1].Hour, t),
            Hours = market.Hours.Select(h => h.Hour <= t ? h : h with
            {
                SuppliedUsd = random.NextDouble() * 1e9,
                SuppliedTokens = double.IsNaN(h.SuppliedTokens) ? double.NaN : random.NextDouble() * 1e27,
                BorrowedUsd = random.NextDouble() * 1e9,
                LiquidationsUsd = random.NextDouble() * 1e7,
                BorrowRatePct = random.NextDouble() * 100,
                Quality = random.Next(2) == 0 ? DataQuality.Stale : DataQuality.None,
            }).ToArray(),
        };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(1000)]
    public void Build_KeepsEveryFeatureAtT_WhenEveryMarketsFutureIsShuffled(int hourIndex)
    {
        var markets = Simulated(7);
        var t = markets[0].Hours[hourIndex].Hour;
        var random = new Random(hourIndex);
        var shuffled = markets.Select(m => ShuffleFuture(m, t, random)).ToArray();

        var before = ShortfallFeatureBuilder.Build(markets, 0.98);
        var after = ShortfallFeatureBuilder.Build(shuffled, 0.98);

        for (var k = 0; k < markets.Count; k++)
        {
            var i = markets[k].Hours.ToList().FindIndex(h => h.Hour == t);
            Assert.Equal(before[k].Row(i).ToArray(), after[k].Row(i).ToArray());
            // The kink features are known by then (the simulator's rates follow a kinked curve), so the shuffle covers them too.
            if (hourIndex >= 1000) Assert.False(float.IsNaN(before[k].Row(i)[ShortfallFeatureBuilder.IndexOf("util_minus_kink")]));
            // The market-relative columns read a 90-day window and the last shortfall: a peek at the shuffled future
            // (random utilization, shortfalls included) would move them.
            // So do the price columns: the latest price at or before t and the week before it.
            // The first-passage columns count past windows by their rises over the next day: a window still open at t
            // (or a future one) would move them.
            foreach (var name in new[] { "util_rank_90d", "util_gap_to_max_90d", "log_hours_since_shortfall", "stablecoin_depeg_max", "eth_return_24h", "eth_drawdown_168h", "first_passage_probability", "first_passage_logit" })
                Assert.False(float.IsNaN(before[k].Row(i)[ShortfallFeatureBuilder.IndexOf(name)]), name);
            // The shuffle really changed the future, so the test would catch a peek.
            Assert.NotEqual(before[k].Row(i + 1).ToArray(), after[k].Row(i + 1).ToArray());
        }
    }

    [Fact]
    public void Compute_KeepsTargetAtT_WhenHoursAfterTPlusHorizonAreShuffled()
    {
        var market = Simulated(3)[0];
        var definition = new ShortfallDefinition();
        var t = market.Hours[500].Hour;
        var shuffled = ShuffleFuture(market, t + definition.Horizon, new Random(1));

        var before = ShortfallLabels.Compute(market.Hours, definition);
        var after = ShortfallLabels.Compute(shuffled.Hours, definition);

        Assert.Equal(before.Target[..501], after.Target[..501]);
        Assert.Equal(before.Eligible[..525], after.Eligible[..525]);
    }

    [Fact]
    public void Build_ComputesCrossMarketColumnsFromSameHour_WhenOtherMarketsExist()
    {
        var hoursA = Hours.FromUtilization([0.5, 0.6, 0.7]);
        var hoursB = Hours.FromUtilization([0.9, 0.95, 0.2]);
        var features = ShortfallFeatureBuilder.Build([new MarketHistory("a", hoursA), new MarketHistory("b", hoursB)], 0.98);
        var column = ShortfallFeatureBuilder.Names.ToList().IndexOf("others_util_max");

        Assert.Equal(0.95f, features[0].Row(1)[column], 5);
        Assert.Equal(0.6f, features[1].Row(1)[column], 5);
        Assert.Equal(1f, features[0].Row(1)[column + 3]); // share of others at or above 0.90
    }

    [Fact]
    public void Build_ReportsLargestHourlyOutflow_WhenDepositsDropOnce()
    {
        var hours = Hours.FromUtilization(Enumerable.Repeat(0.5, 30).ToArray());
        hours[10] = hours[10] with { SuppliedUsd = 80e6, BorrowedUsd = 40e6 };
        var features = ShortfallFeatureBuilder.Build([new MarketHistory("a", hours)], 0.98);
        var column = ShortfallFeatureBuilder.Names.ToList().IndexOf("largest_outflow_24h");

        Assert.Equal(0f, features[0].Row(9)[column]);
        Assert.Equal(-0.2f, features[0].Row(10)[column], 5);
        Assert.Equal(-0.2f, features[0].Row(20)[column], 5); // still the largest within 24 h
    }
}
