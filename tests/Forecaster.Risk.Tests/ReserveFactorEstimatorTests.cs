using Forecaster.Markets;
using Forecaster.Markets.ReserveFactors;
using Xunit;

namespace Forecaster.Risk.Tests;

public class ReserveFactorEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Hours whose utilization and borrow rate wander, with depositors paid borrow rate x utilization x (1 - reserveFactor).
    private static IEnumerable<MarketHour> Hours(int count, double reserveFactor, int startHour = 0, DataQuality quality = DataQuality.None) =>
        Enumerable.Range(startHour, count).Select(i =>
        {
            var u = 0.55 + 0.3 * Math.Sin(i / 9.0);
            var borrowRate = 2 + 10 * u + Math.Cos(i / 5.0);
            return new MarketHour(T0.AddHours(i), 1_000e6, 1_000e6 * u, 0, borrowRate * u * (1 - reserveFactor), borrowRate, quality, i, i);
        });

    [Fact]
    public void Estimate_IsExact_WhenEveryHourShowsTheSameReserveFactor()
    {
        // Stale (forward-filled) hours repeat an old snapshot: they are not read, whatever they show.
        var hours = Hours(100, 0.2).Concat(Hours(50, 0.9, startHour: 100, DataQuality.Stale)).ToList();
        var asOf = hours[^1].Hour;

        var e = ReserveFactorEstimator.Default.Estimate(hours, asOf);

        Assert.NotNull(e);
        Assert.Equal(0.2, e.ReserveFactor, 12);
        Assert.Equal(0, e.InterquartileRange, 12);
        Assert.Equal(100, e.Hours);
        Assert.Equal(T0, e.From);
        Assert.Equal(T0.AddHours(99), e.To);
    }

    [Fact]
    public void Estimate_IsNull_WhenTheHoursDisagree()
    {
        // Half the hours at 10%, half at 20%: the middle half spans 10 points, more than the 2.5 accepted.
        var hours = Hours(60, 0.10).Concat(Hours(60, 0.20, startHour: 60)).ToList();

        Assert.Null(ReserveFactorEstimator.Default.Estimate(hours, hours[^1].Hour));
        // The same hours agree once only the latest 2 days are read.
        var recent = new ReserveFactorEstimator { Window = TimeSpan.FromDays(2) }.Estimate(hours, hours[^1].Hour);
        Assert.Equal(0.20, recent!.ReserveFactor, 12);
    }

    [Fact]
    public void Estimate_NeverReadsHoursAfterTheAsOfHour()
    {
        var hours = Hours(100, 0.15).Concat(Hours(500, 0.60, startHour: 100)).ToList();
        var asOf = T0.AddHours(99);

        var e = ReserveFactorEstimator.Default.Estimate(hours, asOf);

        Assert.Equal(0.15, e!.ReserveFactor, 12);
        Assert.Equal(asOf, e.To);
    }

    [Fact]
    public void Estimate_IsNull_WhenDepositorsEarnMoreThanTheVariableRateAllows()
    {
        // Much debt at a stable rate above the variable one: depositors earn more than borrow rate x utilization, and the
        // "reserve factor" comes out negative, which no reserve factor is.
        var hours = Hours(100, -0.2).ToList();

        Assert.Null(ReserveFactorEstimator.Default.Estimate(hours, hours[^1].Hour));
    }

    [Fact]
    public void Estimate_IsNull_WithFewerFreshHoursThanADay()
    {
        var hours = Hours(23, 0.2).ToList();

        Assert.Null(ReserveFactorEstimator.Default.Estimate(hours, hours[^1].Hour));
    }
}
