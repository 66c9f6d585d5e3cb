using Forecaster.Flows;
using Forecaster.Modeling.Features;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>The holder columns against the market's own past (<c>HolderTrendFeatures</c>), on hand-made events and hours.</summary>
public sealed class HolderTrendFeatureTests
{
    private const string Top1Trend = "holders_top1_share_minus_median_30d";
    private const string CoverageChange = "log_liquidity_over_largest_holder_change_24h";
    private const string CoverageTrend = "log_liquidity_over_largest_holder_minus_median_30d";

    private static FlowEvent Supply(DateTimeOffset at, string account, decimal amount) =>
        new("test", $"0x{at.ToUnixTimeSeconds():x}{account}", 0, 0, at, "m", FlowKind.Supply, amount, account);

    private static FlowEvent Withdraw(DateTimeOffset at, string account, decimal amount) =>
        Supply(at, account, amount) with { Kind = FlowKind.Withdraw };

    private static float[] Column(MarketHistory market, string name) => FeatureColumns.Of(ShortfallFeatureBuilder.Build([market], 0.98)[0], name);

    /// <summary>
    /// 30 hours, amounts in USD. Before hour 0: A 20, B 20, C 10 ($M), top-1 share 0.4. Hour 10: A adds 30 (share
    /// 50/80). Hour 27: B leaves (share 50/60). Utilization 0.5 ($50M available) to hour 25, 0.8 ($20M) from hour 26, so
    /// ln(liquidity / largest) is ln 2.5 to hour 9, 0 to hour 25, ln 0.4 from hour 26.
    /// </summary>
    private static MarketHistory Market()
    {
        var u = Enumerable.Range(0, 30).Select(i => i < 26 ? 0.5 : 0.8).ToArray();
        return new MarketHistory("m", Hours.FromUtilization(u))
        {
            Holders = new HolderFlows(
            [
                Supply(Hours.T0.AddHours(-1), "0xa", 20e6m),
                Supply(Hours.T0.AddHours(-1), "0xb", 20e6m),
                Supply(Hours.T0.AddHours(-1), "0xc", 10e6m),
                Supply(Hours.T0.AddHours(10).AddMinutes(30), "0xa", 30e6m),
                Withdraw(Hours.T0.AddHours(27).AddMinutes(15), "0xb", 20e6m),
            ]),
        };
    }

    [Fact]
    public void Top1ShareMinusMedian_MatchesHandComputation()
    {
        var trend = Column(Market(), Top1Trend);

        Assert.Equal(0, trend[9], 5); // ten hours at 0.4: the market's normal
        Assert.Equal(0.625 - 0.4, trend[10], 5); // median of ten 0.4 and one 0.625
        Assert.Equal(0.625 - (0.4 + 0.625) / 2, trend[19], 5); // ten and ten: the mean of the middle two
        Assert.Equal(0, trend[26], 5); // seventeen hours at 0.625 are now the normal
        Assert.Equal(50.0 / 60 - 0.625, trend[29], 5);
    }

    [Fact]
    public void CoverageChangeAndTrend_MatchHandComputation()
    {
        var market = Market();
        var change = Column(market, CoverageChange);
        var trend = Column(market, CoverageTrend);
        double high = Math.Log(2.5), low = Math.Log(0.4);

        Assert.Equal(0, change[5], 5); // against the first row near the start
        Assert.Equal(-high, change[10], 5);
        Assert.Equal(-high, change[25], 5); // hour 1 still at ln 2.5
        Assert.Equal(low - high, change[26], 5);
        Assert.Equal(low - high, change[29], 5); // against hour 5

        Assert.Equal(0, trend[9], 5);
        Assert.Equal(-high, trend[10], 5);
        Assert.Equal(-high / 2, trend[19], 5);
        Assert.Equal(low, trend[26], 5); // median 0: sixteen hours at 0 in the middle
        Assert.Equal(low, trend[29], 5);
    }

    [Fact]
    public void Median_ForgetsRowsOlderThan30Days()
    {
        // Top-1 share 0.5 for hours 0–399, 0.75 from hour 400 (A adds 20 to A 10, B 10).
        var market = new MarketHistory("m", Hours.FromUtilization(Enumerable.Repeat(0.5, 781).ToArray()))
        {
            Holders = new HolderFlows(
            [
                Supply(Hours.T0.AddHours(-1), "0xa", 10e6m),
                Supply(Hours.T0.AddHours(-1), "0xb", 10e6m),
                Supply(Hours.T0.AddHours(400).AddMinutes(30), "0xa", 20e6m),
            ]),
        };

        var trend = Column(market, Top1Trend);

        // Hour 759's window is rows 40–759: 360 at 0.5 and 360 at 0.75. At hour 760 row 40 has left it: 359 and 361.
        // Counting every row since the start, both medians would be 0.5 (0.25 below the share).
        Assert.Equal(0.75 - 0.625, trend[759], 5);
        Assert.Equal(0, trend[760], 5);
    }

    [Fact]
    public void TrendColumns_AreNaN_WithoutHolders_AndTheChangeUntil24HoursOfThemAreKnown()
    {
        var hours = Hours.FromUtilization(Enumerable.Repeat(0.5, 30).ToArray());
        var late = new MarketHistory("m", hours) { Holders = new HolderFlows([Supply(Hours.T0.AddHours(2).AddMinutes(5), "0xa", 1e6m)]) };

        foreach (var name in new[] { Top1Trend, CoverageChange, CoverageTrend })
            Assert.All(Column(new MarketHistory("m", hours), name), v => Assert.True(float.IsNaN(v), name));
        foreach (var name in new[] { Top1Trend, CoverageTrend })
        {
            var column = Column(late, name);
            Assert.True(float.IsNaN(column[0]) && float.IsNaN(column[1]), name);
            Assert.All(column[2..], v => Assert.Equal(0, v, 5)); // one holder, the same every hour
        }
        var change = Column(late, CoverageChange);
        Assert.All(change[..26], v => Assert.True(float.IsNaN(v))); // hour 0 (the start), then hours 2 back, unknown
        Assert.All(change[26..], v => Assert.Equal(0, v, 5));
    }
}
