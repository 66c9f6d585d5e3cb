using Forecaster.Modeling.Features;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class PriceFeatureTests
{
    /// <summary>Prices observed 10 minutes into each hour from <paramref name="firstHour"/> on, one per value.</summary>
    private static PriceSeries Hourly(string symbol, int firstHour, params double[] usd) =>
        new(symbol, usd.Select((_, i) => Hours.T0.AddHours(firstHour + i).AddMinutes(10)).ToArray(), usd);

    [Fact]
    public void PriceColumns_MatchHandComputation_UsingOnlyPricesObservedByTheHour()
    {
        // ETH observed 10 min into hours 0..29; a price observed within hour i is first used at hour i + 1.
        var eth = Enumerable.Range(0, 30).Select(i => i < 20 ? 1000.0 + 10 * i : 1190.0 - 50 * (i - 19)).ToArray();
        var prices = new MarketPrices(Hourly("WETH", 0, eth), [Hourly("USDC", 0, Enumerable.Repeat(1.0, 30).ToArray()), Hourly("USDT", 5, 0.99, 1.02, 1.0)]);
        var market = new MarketHistory("a", Hours.FromUtilization(Enumerable.Repeat(0.5, 30).ToArray())) { Prices = prices };

        var features = ShortfallFeatureBuilder.Build([market], 0.98)[0];
        var depeg = FeatureColumns.Of(features, "stablecoin_depeg_max");
        var ret = FeatureColumns.Of(features, "eth_return_24h");
        var drawdown = FeatureColumns.Of(features, "eth_drawdown_168h");
        var missing = FeatureColumns.Of(features, "prices_missing");

        // Hour 0: nothing observed yet at the hour's start.
        Assert.Equal(1f, missing[0]);
        Assert.True(float.IsNaN(depeg[0]) && float.IsNaN(drawdown[0]));
        Assert.Equal(0f, missing[1]);
        // USDT is seen from hour 6 (0.99), 7 (1.02), 8 (1.0), then stays at its last price until 6 h old.
        Assert.Equal(0f, depeg[5]);
        Assert.Equal(0.01f, depeg[6], 5);
        Assert.Equal(0.02f, depeg[7], 5);
        Assert.Equal(0f, depeg[8], 5);
        // 24 h return at hour 25: price of hour 24 over price of hour 0.
        Assert.Equal(Math.Log(eth[24] / eth[0]), ret[25], 5);
        Assert.True(float.IsNaN(ret[24])); // no price was known at hour 0, 24 h before

        // Drawdown: the high so far is hour 19's 1190; at hour 25 the latest price is hour 24's.
        Assert.Equal(0f, drawdown[20], 5);
        Assert.Equal(Math.Log(eth[24] / 1190.0), drawdown[25], 5);
    }

    [Fact]
    public void PriceColumns_AreMissing_WhenPricesStopOrWereNeverGiven()
    {
        var prices = new MarketPrices(Hourly("WETH", 0, 1000, 1000, 1000), []);
        var hours = Hours.FromUtilization(Enumerable.Repeat(0.5, 20).ToArray());
        var features = ShortfallFeatureBuilder.Build([new MarketHistory("a", hours) { Prices = prices }, new MarketHistory("b", hours)], 0.98);

        var missing = FeatureColumns.Of(features[0], "prices_missing");
        // Last observation 10 min into hour 2: current until 6 h after it, then missing.
        Assert.Equal(0f, missing[8]);
        Assert.Equal(1f, missing[9]);
        Assert.True(FeatureColumns.Of(features[1], "prices_missing").All(m => m == 1f));
        Assert.True(FeatureColumns.Of(features[1], "eth_return_24h").All(float.IsNaN));
    }

    [Fact]
    public void PriceSeries_RejectsTimesGoingBackAndNonPositivePrices_NamingTheObservation()
    {
        var t = Hours.T0;
        var back = Assert.Throws<ArgumentException>(() => new PriceSeries("ETH", [t, t.AddHours(-1)], [1.0, 1.0]));
        Assert.Contains("ETH: observation 1", back.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<ArgumentException>(() => new PriceSeries("DAI", [t, t.AddHours(1)], [1.0, 0.0]));
        Assert.Contains("DAI: observation 1", zero.Message, StringComparison.Ordinal);
    }
}
