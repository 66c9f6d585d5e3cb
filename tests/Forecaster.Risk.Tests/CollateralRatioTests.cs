using Forecaster.Markets;
using Forecaster.Prices;
using Forecaster.Recommend;
using Forecaster.Risk.Collateral;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

public class PriceVolatilityTests
{
    private static readonly DateTimeOffset T0 = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A lognormal random walk with the given hourly volatility, one price every `every` hours.
    internal static List<PriceHour> Walk(double sigmaHourly, int hours, int seed = 1, int every = 1, DateTimeOffset? start = null)
    {
        var random = new Random(seed);
        var t0 = start ?? T0;
        var prices = new List<PriceHour>();
        var log = Math.Log(1000);
        for (var h = 0; h < hours; h++)
        {
            if (h % every == 0) prices.Add(new PriceHour(t0.AddHours(h), Math.Exp(log), 0));
            log += sigmaHourly * StudentT.NextNormal(random);
        }
        return prices;
    }

    [Fact]
    public void Estimate_RecoversTheVolatilityOfARandomWalk()
    {
        var prices = Walk(0.01, 60 * 24);
        var v = PriceVolatility.Estimate("WETH", prices, prices[^1].Hour);
        Assert.InRange(v.EwmaHourly, 0.009, 0.011);
        Assert.InRange(v.RealisedHourly30d, 0.0095, 0.0105);
        Assert.Equal(30 * 24, v.Returns);
    }

    [Fact]
    public void Estimate_ReadsReturnsAcrossGapsAsTheirOneHourEquivalent()
    {
        var prices = Walk(0.01, 60 * 24, every: 2);
        var v = PriceVolatility.Estimate("WETH", prices, prices[^1].Hour);
        Assert.InRange(v.RealisedHourly30d, 0.0093, 0.0107);
    }

    [Fact]
    public void Estimate_IgnoresPricesAfterTheAsOfHour()
    {
        var prices = Walk(0.01, 60 * 24);
        var asOf = prices[40 * 24].Hour;
        var crash = prices.Select(p => p.Hour > asOf ? p with { PriceUsd = p.PriceUsd * 0.3 } : p).ToList();
        Assert.Equal(PriceVolatility.Estimate("WETH", prices, asOf), PriceVolatility.Estimate("WETH", crash, asOf));
    }

    [Fact]
    public void Estimate_Refuses_WhenTheLastPriceIsMoreThanADayOld()
    {
        var prices = Walk(0.01, 60 * 24);
        Assert.Throws<InsufficientHistoryException>(() => PriceVolatility.Estimate("WETH", prices, prices[^1].Hour.AddHours(25)));
        Assert.Throws<InsufficientHistoryException>(() => PriceVolatility.Estimate("WETH", prices.Take(100).ToList(), prices[99].Hour));
    }
}

public class CollateralRatioPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2022, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CollateralParameters Weth = CollateralParameters.AaveV2Weth;

    private static PriceVolatility Vol(double hourly) => new("WETH", T0, hourly, hourly, 720);

    [Fact]
    public void Advise_TightensBothRatios_AsVolatilityRises()
    {
        var advice = new[] { 0.005, 0.01, 0.02 }.Select(s => CollateralRatioPolicy.Advise(Weth, Vol(s), 1_000e6)).ToList();

        Assert.True(advice[0].LiquidationThresholdCeiling > advice[1].LiquidationThresholdCeiling && advice[1].LiquidationThresholdCeiling > advice[2].LiquidationThresholdCeiling);
        Assert.True(advice[0].LtvCeiling > advice[1].LtvCeiling && advice[1].LtvCeiling > advice[2].LtvCeiling);
        Assert.All(advice, a => Assert.True(a.LtvCeiling < a.LiquidationThresholdCeiling));
    }

    [Fact]
    public void Advise_MatchesTheClosedForm_WhenTheMarketIsDeep()
    {
        // With unlimited depth the liquidations move nothing: LT = exp(-z sigma sqrt 24) / (1 + bonus), LTV = LT exp(-z sigma sqrt 24).
        var a = CollateralRatioPolicy.Advise(Weth, Vol(0.01), 1_000e6, new CollateralRatioOptions { DepthUsdPerPercent = 1e15 });
        var keep = Math.Exp(-2.3263478740408408 * 0.01 * Math.Sqrt(24));
        Assert.Equal(keep / 1.05, a.LiquidationThresholdCeiling, 6);
        Assert.Equal(keep * keep / 1.05, a.LtvCeiling, 6);
    }

    [Fact]
    public void Advise_TightensTheThreshold_AsDepthFalls()
    {
        var deep = CollateralRatioPolicy.Advise(Weth, Vol(0.01), 1_000e6, new CollateralRatioOptions { DepthUsdPerPercent = 500e6 });
        var shallow = CollateralRatioPolicy.Advise(Weth, Vol(0.01), 1_000e6, new CollateralRatioOptions { DepthUsdPerPercent = 5e6 });
        Assert.True(shallow.DropAfterCascade > deep.DropAfterCascade + 0.01);
        Assert.True(shallow.LiquidationThresholdCeiling < deep.LiquidationThresholdCeiling - 0.01);
    }
}

public class CollateralRecommendationTests
{
    private static readonly DateTimeOffset T0 = new(2022, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // A market that holds its buffer: only collateral changes can be proposed.
    private static LiquidityRiskReport Report() => new(Market.FromName("a_weth"), T0, new MarketHour(T0, 1_000e6, 300e6, 0, 1, 2, DataQuality.None, 0, 0), [], 50e6, 14);

    private static MarketRecommendation Recommend(double sigmaHourly, IReadOnlyDictionary<string, DateTimeOffset>? lastChanged = null)
    {
        var parameters = MarketParameters.AssumedFor("WETH");
        var advice = CollateralRatioPolicy.Advise(parameters.Collateral!, new PriceVolatility("WETH", T0, sigmaHourly, sigmaHourly, 720), 1_000e6);
        return new RecommendationEngine().Recommend(Report(), [], 0, parameters, double.NaN, 0, lastChanged ?? new Dictionary<string, DateTimeOffset>(), T0, advice);
    }

    [Fact]
    public void Recommend_TightensLtvAndThresholdWithinTheirBounds_WhenVolatilityIsHigh()
    {
        var changes = Recommend(0.025).Changes.ToDictionary(c => c.Parameter);

        Assert.Equal(["liquidationThreshold", "ltv"], changes.Keys.Order());
        foreach (var c in changes.Values)
        {
            Assert.True(c.Requested < c.Current * 0.9, "the rule asks for more than one step at this volatility");
            Assert.Equal(c.Current * 0.9, c.Recommended, 9);
            Assert.Contains("EWMA 2.50 %", c.Rationale);
        }
        Assert.True(changes["ltv"].Recommended < changes["liquidationThreshold"].Recommended);
    }

    [Fact]
    public void Recommend_NeverLoosensTheRatios_WhenVolatilityIsLow()
    {
        Assert.Empty(Recommend(0.002).Changes);
    }

    [Fact]
    public void Recommend_KeepsTheRatios_WithinTheMinimumDelayOfTheLastChange()
    {
        var recent = new Dictionary<string, DateTimeOffset> { ["ltv"] = T0.AddDays(-1), ["liquidationThreshold"] = T0.AddDays(-4) };
        Assert.Equal(["liquidationThreshold"], Recommend(0.025, recent).Changes.Select(c => c.Parameter));
    }
}
