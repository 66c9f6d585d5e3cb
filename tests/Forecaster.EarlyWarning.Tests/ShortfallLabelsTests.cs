using Forecaster.Markets;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class ShortfallLabelsTests
{
    private static readonly ShortfallDefinition Definition = new() { Horizon = TimeSpan.FromHours(3) };

    [Fact]
    public void Compute_LabelsHoursWithinHorizonBeforeShortfall_WhenShortfallAtHour10()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(20, 10), Definition);

        Assert.True(labels.Shortfall[10]);
        Assert.Equal(ShortfallLabels.None, labels.Target[10]); // in shortfall itself: no target
        Assert.Equal(new sbyte[] { 0, 1, 1, 1 }, labels.Target[6..10]); // (t, t+3] contains hour 10 for t = 7, 8, 9
        Assert.Equal(0, labels.Target[11]);
    }

    [Fact]
    public void Compute_LeavesTargetUnknown_WhenWindowRunsPastTheData()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(10), Definition);

        Assert.Equal(0, labels.Target[6]); // window (6, 9] is inside the data
        Assert.All(labels.Target[7..], t => Assert.Equal(ShortfallLabels.None, t));
    }

    [Fact]
    public void Compute_MakesHourIneligible_WhenDepositsBelowTenMillion()
    {
        var hours = Hours.WithShortfallAt(10, 5);
        hours[5] = hours[5] with { SuppliedUsd = 9e6, BorrowedUsd = 9e6 };
        hours[3] = hours[3] with { SuppliedUsd = 9.99e6, BorrowedUsd = 1e6 };

        var labels = ShortfallLabels.Compute(hours, Definition);

        Assert.False(labels.Shortfall[5]); // an ineligible hour is never a shortfall hour
        Assert.False(labels.Eligible[3]);
        Assert.Equal(ShortfallLabels.None, labels.Target[3]);
        Assert.All(labels.Target[..7].Where((_, i) => i is not 3 and not 5), t => Assert.Equal(0, t));
    }

    [Fact]
    public void Compute_UsesTimesNotPositions_WhenHoursHaveAGap()
    {
        var hours = Hours.WithShortfallAt(10, 9);
        // Hour 9 is really 10 hours after hour 8: a gap of 9 missing hours.
        hours[9] = hours[9] with { Hour = hours[8].Hour.AddHours(10) };

        var labels = ShortfallLabels.Compute(hours, Definition);

        Assert.Equal(0, labels.Target[8]);
    }

    [Fact]
    public void Compute_Throws_WhenHoursAreNotAscending()
    {
        var hours = Hours.WithShortfallAt(5);
        hours[3] = hours[3] with { Hour = hours[1].Hour };

        var e = Assert.Throws<ArgumentException>(() => ShortfallLabels.Compute(hours, Definition));
        Assert.Equal("hours", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    public void Validate_NamesOption_WhenShortfallUtilizationOutOfRange(double u)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ShortfallDefinition { ShortfallUtilization = u }.Validate());
        Assert.Contains("--shortfall-utilization must be in (0, 1]", e.Message);
    }

    [Fact]
    public void Validate_NamesOption_WhenHorizonIsNotWholeHours()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ShortfallDefinition { Horizon = TimeSpan.FromMinutes(90) }.Validate());
        Assert.Contains("--horizon", e.Message);
    }

    [Fact]
    public void Validate_NamesOption_WhenAlertBudgetIsZero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ShortfallDefinition { AlertBudget = 0 }.Validate());
        Assert.Contains("--alert-budget must be in (0, 0.5]", e.Message);
    }

    [Fact]
    public void Compute_TreatsUtilizationAboveOneAsShortfall_WhenSourceOverReportsBorrows()
    {
        var hours = Hours.FromUtilization([0.5, 0.5, 1.2]);
        Assert.True(ShortfallLabels.Compute(hours, Definition).Shortfall[2]);
        Assert.Equal(DataQuality.None, hours[2].Quality);
    }
}
