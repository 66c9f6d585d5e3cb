using Forecaster.Modeling.Features;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class MarketRelativeFeatureTests
{
    private static FeatureMatrix Build(double[] utilization) =>
        ShortfallFeatureBuilder.Build([new MarketHistory("a", Hours.FromUtilization(utilization))], 0.98)[0];

    [Fact]
    public void RankGapAndSinceShortfall_MatchHandComputation_OnAShortSeries()
    {
        var features = Build([0.5, 0.7, 0.6, 0.99, 0.4, 0.7]);
        var rank = FeatureColumns.Of(features, "util_rank_90d");
        var gap = FeatureColumns.Of(features, "util_gap_to_max_90d");
        var since = FeatureColumns.Of(features, "log_hours_since_shortfall");

        // Share of hours so far (this one included) at or below this hour's utilization.
        AssertClose([1, 1, 2.0 / 3, 1, 1.0 / 5, 5.0 / 6], rank);
        AssertClose([0, 0, 0.1, 0, 0.59, 0.29], gap);
        // No shortfall yet reads as the cap (90 days); the shortfall hour itself is 0 hours since; then 1, 2.
        var cap = Math.Log(1 + 90 * 24);
        AssertClose([cap, cap, cap, 0, Math.Log(2), Math.Log(3)], since);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"row {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void RankAndGap_ForgetHoursOlderThan90Days()
    {
        // A peak at hour 0, then a slow climb: after 2160 hours the peak has left the window.
        const int window = 90 * 24;
        var u = Enumerable.Range(0, window + 10).Select(i => i == 0 ? 0.95 : 0.3 + 0.5 * i / (window + 10)).ToArray();
        var features = Build(u);
        var rank = FeatureColumns.Of(features, "util_rank_90d");
        var gap = FeatureColumns.Of(features, "util_gap_to_max_90d");

        Assert.Equal(0.95 - u[window - 1], gap[window - 1], 5);
        Assert.Equal((window - 1f) / window, rank[window - 1], 5); // everything but the old peak is at or below it
        Assert.Equal(0f, gap[window]); // the peak at hour 0 is out of (i − 2160, i]
        Assert.Equal(1f, rank[window]);
    }

    [Fact]
    public void HoursSinceShortfall_RestartsAtEachShortfall_AndStopsAtTheCap()
    {
        const int cap = 90 * 24;
        var features = Build(Hours.WithShortfallAt(cap + 100, 10, 20).Select(h => h.Utilization).ToArray());
        var since = FeatureColumns.Of(features, "log_hours_since_shortfall");

        Assert.Equal((float)Math.Log(1 + 9), since[19], 5);
        Assert.Equal(0f, since[20]);
        Assert.Equal((float)Math.Log(1 + 50), since[70], 5);
        Assert.Equal((float)Math.Log(1 + cap), since[cap + 99], 5);
    }
}
