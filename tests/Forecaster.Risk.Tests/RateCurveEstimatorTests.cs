using Forecaster.Markets;
using Forecaster.Markets.RateCurves;
using Xunit;

namespace Forecaster.Risk.Tests;

public class RateCurveEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Hours whose utilization wanders between lo and hi (a slow sine plus a wobble), with rates on the given curve.
    private static List<MarketHour> Hours(int count, double lo, double hi, Func<double, double> rate, int startHour = 0, double noise = 0)
    {
        var random = new Random(7);
        var hours = new List<MarketHour>();
        for (var i = 0; i < count; i++)
        {
            var phase = (startHour + i) / 200.0;
            var u = lo + (hi - lo) * (0.5 + 0.45 * Math.Sin(phase) + 0.05 * Math.Sin(phase * 7.3));
            var r = rate(u) + noise * (random.NextDouble() - 0.5);
            hours.Add(new MarketHour(T0.AddHours(startHour + i), 1_000, 1_000 * u, 0, r * 0.8, r, DataQuality.None, 0, 0));
        }
        return hours;
    }

    private static double Kinked(double u, double kink, double slope1, double slope2, double baseRate = 0) =>
        u <= kink ? baseRate + slope1 * u / kink : baseRate + slope1 + slope2 * (u - kink) / (1 - kink);

    [Fact]
    public void Estimate_RecoversKinkAndSlopes_WhenUtilizationCrossesTheKink()
    {
        var hours = Hours(24 * 120, 0.6, 0.97, u => Kinked(u, 0.85, 5, 80, 1), noise: 0.05);

        var e = RateCurveEstimator.Default.Estimate(hours, hours[^1].Hour);

        Assert.NotNull(e);
        Assert.Equal(0.85, e.OptimalUtilization, 0.006);
        Assert.Equal(1, e.BaseRatePct, 0.1);
        Assert.Equal(5, e.Slope1Pct, 0.2);
        Assert.Equal(80, e.Slope2Pct, 2);
        Assert.Equal(Kinked(0.95, 0.85, 5, 80, 1), e.BorrowRatePct(0.95), 0.5);
    }

    [Fact]
    public void Estimate_ReturnsNull_WhenTheCurveHasNoKink()
    {
        var hours = Hours(24 * 120, 0.3, 0.95, u => 2 + 10 * u);
        Assert.Null(RateCurveEstimator.Default.Estimate(hours, hours[^1].Hour));
    }

    [Fact]
    public void Estimate_ReturnsNull_WhenUtilizationNeverReachesTheKink()
    {
        var hours = Hours(24 * 120, 0.4, 0.8, u => Kinked(u, 0.9, 4, 60));
        Assert.Null(RateCurveEstimator.Default.Estimate(hours, hours[^1].Hour));
    }

    [Fact]
    public void Estimate_IgnoresHoursAfterAsOf_WhenTheCurveChangesLater()
    {
        var before = Hours(24 * 100, 0.6, 0.97, u => Kinked(u, 0.9, 4, 60));
        var after = Hours(24 * 100, 0.6, 0.97, u => Kinked(u, 0.7, 2, 150), startHour: before.Count);
        var asOf = before[^1].Hour;

        var e = RateCurveEstimator.Default.Estimate([.. before, .. after], asOf);

        Assert.NotNull(e);
        Assert.Equal(0.9, e.OptimalUtilization, 0.006);
        Assert.Equal(asOf, e.To);
    }

    [Fact]
    public void EstimateLatest_UsesAnEarlierWindow_OnlyWhileRecentRatesStillFitIt()
    {
        // A year crossing the 90% kink, then 200 days below it on the same curve: the kink is taken from the earlier window.
        var early = Hours(24 * 365, 0.6, 0.97, u => Kinked(u, 0.9, 4, 60));
        var calm = Hours(24 * 200, 0.3, 0.7, u => Kinked(u, 0.9, 4, 60), startHour: early.Count);
        var sameCurve = RateCurveEstimator.Default.EstimateLatest([.. early, .. calm], calm[^1].Hour);
        Assert.NotNull(sameCurve);
        Assert.Equal(0.9, sameCurve.OptimalUtilization, 0.006);

        // Governance then lowered the first slope: recent rates no longer sit on the old curve, so no kink is claimed.
        var changed = Hours(24 * 200, 0.3, 0.7, u => Kinked(u, 0.9, 2, 60), startHour: early.Count);
        Assert.Null(RateCurveEstimator.Default.EstimateLatest([.. early, .. changed], changed[^1].Hour));
    }
}
