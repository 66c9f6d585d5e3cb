using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

public class VarianceRecursionTests
{
    private static readonly double DayHalfLife = Math.Pow(0.5, 1.0 / 24);

    [Fact]
    public void PersistenceOne_IsThePlainEwma()
    {
        var ewma = new VarianceRecursion(0.06, 1, LongRunVariance: 123);
        Assert.Equal(0.94 * 4e-4 + 0.06 * 9e-4, ewma.Next(4e-4, 9e-4), 15);
    }

    [Fact]
    public void MeanReverting_ExcessHalvesInADay_AndALongCalmDoesNotDriveItToZero()
    {
        const double level = 1e-4;
        var garch = new VarianceRecursion(0.06, DayHalfLife, level);
        var v = 10 * level;
        // Each hour a change of the size the variance expects (r2 = v): the excess over the level then decays by phi.
        for (var h = 0; h < 24; h++) v = garch.Next(v, v);
        Assert.Equal(level + 9 * level * 0.5, v, 12);

        var (calm, ewma) = (level, level);
        var plain = new VarianceRecursion(0.06, 1, level);
        for (var h = 0; h < 24 * 30; h++) (calm, ewma) = (garch.Next(calm, 0), plain.Next(ewma, 0));
        // Floor (1 - phi) L / (1 - phi + alpha): a third of the level; the EWMA forgets it entirely.
        Assert.Equal((1 - DayHalfLife) * level / (1 - DayHalfLife + 0.06), calm, 12);
        Assert.True(ewma < 1e-10, $"EWMA after a calm month {ewma}");
    }

    // A year of 0.1% hourly moves with a 2-day burst of 2% moves every 60 days. In a calm month after a burst the
    // mean-reverting basis holds more than the EWMA (which has forgotten the bursts); 6 hours into a new burst it holds
    // less (its paths revert towards the year's level, where the EWMA's carry today's variance through the whole day).
    [Fact]
    public void MeanRevertingBasis_HoldsMoreInCalm_AndLessInsideAStress_ThanTheHourlyEwma()
    {
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(7);
        var hours = new List<MarketHour>();
        var deposits = 1e9;
        const int days = 400;
        for (var h = 0; h < days * 24; h++)
        {
            var day = h / 24;
            var burst = day % 60 is 10 or 11 || h >= days * 24 - 6;
            deposits *= 1 + (burst ? 0.02 : 0.001) * StudentT.NextNormal(random);
            hours.Add(new MarketHour(start.AddHours(h), deposits, 0.5e9, 0, 1, 2, DataQuality.None, 0, 0));
        }
        var market = Market.FromName("test_usdc");
        var ewma = new OutflowRiskModel(new OutflowRiskOptions { MonteCarlo = false });
        var reverting = new OutflowRiskModel(new OutflowRiskOptions { MonteCarlo = false, VolatilityPersistence = DayHalfLife });

        var calm = hours[393 * 24].Hour; // 22 days after the burst of days 370-371, before the final one
        var inStress = hours[^1].Hour;
        Assert.True(reverting.Assess(market, hours, calm).Es99Outflow24hUsd > 2 * ewma.Assess(market, hours, calm).Es99Outflow24hUsd);
        Assert.True(reverting.Assess(market, hours, inStress).Es99Outflow24hUsd < ewma.Assess(market, hours, inStress).Es99Outflow24hUsd);
    }

    [Fact]
    public void Options_RefusePersistenceAtOrBelowTheReaction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutflowRiskModel(new OutflowRiskOptions { VolatilityPersistence = 0.05 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutflowRiskModel(new OutflowRiskOptions { VolatilityPersistence = 1.01 }));
    }
}
