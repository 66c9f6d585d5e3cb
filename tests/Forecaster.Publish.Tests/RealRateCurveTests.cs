using Forecaster.Ingest.Snapshots;
using Forecaster.Markets.RateCurves;
using Forecaster.Pipeline;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Publish.Tests;

/// <summary>The kink read from real Aave v2 rates, and drawn in the real market's utilization chart.</summary>
public sealed class RealRateCurveTests
{
    private static readonly DateTimeOffset BeforeUsdtRun = new(2022, 6, 17, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    // Aave v2's published stablecoin curves at the time: USDT 90% kink, 4% then 60%; DAI 80% kink, 4% then 75%.
    [InlineData("aave_v2_usdt.csv.gz", 0.90, 4.0, 60.0)]
    [InlineData("aave_v2_dai.csv.gz", 0.80, 4.0, 75.0)]
    public async Task EstimateLatest_FindsAaveV2sPublishedCurve_FromTheMarketsOwnRates(string file, double kink, double slope1, double slope2)
    {
        var path = SharedData.Require("aave-v2-hourly", file);
        var market = (await SnapshotFileLoader.LoadAsync([path], cancellationToken: TestContext.Current.CancellationToken)).Single();

        var e = RateCurveEstimator.Default.EstimateLatest(market.Hours, BeforeUsdtRun);

        Assert.NotNull(e);
        Assert.Equal(kink, e.OptimalUtilization, 0.006);
        Assert.Equal(slope1, e.Slope1Pct, 0.1);
        Assert.Equal(slope2, e.Slope2Pct, 1.0);
        Assert.True(e.To <= BeforeUsdtRun);
    }

    [Fact]
    public async Task Draw_CaptionsTheEstimatedKink_ForARealMarket()
    {
        var path = SharedData.Require("aave-v2-hourly", "aave_v2_usdt.csv.gz");
        var market = (await SnapshotFileLoader.LoadAsync([path], cancellationToken: TestContext.Current.CancellationToken)).Single();
        var hours = market.Hours.Where(h => h.Hour <= BeforeUsdtRun).ToList();
        using var temp = new TempDirectory("kink");

        var (charts, _) = MarketChartSet.Draw(market.Market, hours, BeforeUsdtRun, [], new BriefOptions(), temp.Path);

        var utilization = charts.Single(c => c.Kind == Brief.BriefChartKinds.Utilization);
        Assert.Contains("rate kink at 90%, estimated from the market's own borrow rates", utilization.Caption);
    }
}
