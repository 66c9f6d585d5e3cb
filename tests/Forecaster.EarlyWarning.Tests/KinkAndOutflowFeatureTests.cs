using Forecaster.Markets;
using Forecaster.Modeling.Features;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class KinkAndOutflowFeatureTests
{
    private const double Kink = 0.80;

    /// <summary>A market whose borrow rate follows a curve kinked at 0.80 (2% + 4 points to the kink, +60 points above it), utilization cycling 0.5–0.95.</summary>
    private static MarketHour[] KinkedMarket(int length)
    {
        var hours = new MarketHour[length];
        for (var i = 0; i < length; i++)
        {
            var u = 0.725 + 0.225 * Math.Sin(i * 2 * Math.PI / 97);
            var rate = u <= Kink ? 2 + 4 * u / Kink : 6 + 60 * (u - Kink) / (1 - Kink);
            hours[i] = new MarketHour(Hours.T0.AddHours(i), 100e6, 100e6 * u, 0, 1, rate, DataQuality.None, 0, 0);
        }
        return hours;
    }

    [Fact]
    public void UtilMinusKink_IsUnknownBeforeTheFirstWeeklyEstimate_ThenUtilizationMinusTheMarketsOwnKink()
    {
        var hours = KinkedMarket(24 * 45);
        var features = ShortfallFeatureBuilder.Build([new MarketHistory("kinked", hours)], 0.98)[0];
        var distance = FeatureColumns.Of(features, "util_minus_kink");

        // The estimator needs 14 days; the curve is re-estimated every 30 days, first at row 719.
        Assert.True(distance[..719].All(float.IsNaN), "the kink was known before any estimate could have been made");
        for (var i = 719; i < hours.Length; i++)
            Assert.Equal(hours[i].Utilization - Kink, distance[i], 0.003);
    }

    [Fact]
    public void HoursAboveKink_CountsTrailingHoursAboveTheKink_AndHoursSinceBelowRestartsAtZero()
    {
        var hours = KinkedMarket(24 * 45);
        var features = ShortfallFeatureBuilder.Build([new MarketHistory("kinked", hours)], 0.98)[0];
        var above24 = FeatureColumns.Of(features, "hours_above_kink_24h");
        var since = FeatureColumns.Of(features, "hours_since_below_kink");

        for (var i = 800; i < hours.Length; i++)
        {
            // The estimated kink may differ from 0.80 in the third decimal: skip hours that close to it.
            if (Enumerable.Range(i - 23, 24).Any(j => Math.Abs(hours[j].Utilization - Kink) < 0.005)) continue;
            Assert.Equal(Enumerable.Range(i - 23, 24).Count(j => hours[j].Utilization > Kink), above24[i]);
            var run = 0;
            for (var j = i; j >= 0 && hours[j].Utilization > Kink; j--) run++;
            Assert.Equal(Math.Min(run, 168), since[i]);
        }
    }

    [Fact]
    public void OutflowCoverage_FallsWhenDepositsStartMoving_AndIgnoresStaleHours()
    {
        // Deposits drift by ±0.1% an hour, then swing by ±3% an hour from row 200; liquidity is half the deposits.
        var hours = Enumerable.Range(0, 260).Select(i =>
        {
            var step = i < 200 ? 0.001 : 0.03;
            var supplied = 100e6 * (1 + (i % 2 == 0 ? step : -step));
            return new MarketHour(Hours.T0.AddHours(i), supplied, supplied / 2, 0, 1, 2, DataQuality.None, 0, 0);
        }).ToArray();
        var calm = OutflowCoverage(hours);
        Assert.True(calm[230] < calm[199] - 2, $"coverage {calm[230]} after the swings began is not well below {calm[199]} before");

        // Stale hours repeat the last snapshot: they must not read as calm hours.
        var withStale = hours.Select((h, i) => i is >= 210 and < 230 ? hours[209] with { Hour = h.Hour, Quality = DataQuality.Stale } : h).ToArray();
        var stale = OutflowCoverage(withStale);
        Assert.Equal(calm[209], stale[229], 5);
    }

    private static float[] OutflowCoverage(MarketHour[] hours) =>
        FeatureColumns.Of(ShortfallFeatureBuilder.Build([new MarketHistory("m", hours)], 0.98)[0], "log_liquidity_over_outflow_es99");
}
