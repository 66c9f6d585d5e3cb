using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class AlertThresholdTests
{
    [Fact]
    public void ForBudget_AllowsExactlyTheBudgetShare_WhenScoresAreDistinct()
    {
        var scores = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        var threshold = AlertThreshold.ForBudget(scores, 0.02);

        Assert.Equal(99, threshold);
        Assert.Equal(2, scores.Count(s => s >= threshold));
    }

    [Fact]
    public void ForBudget_MovesAboveTies_WhenBoundaryScoreIsShared()
    {
        // 5 hours share the top score: alerting on all of them would use 5% of a 2% budget.
        var scores = Enumerable.Range(1, 95).Select(i => i / 100.0).Concat(Enumerable.Repeat(1.0, 5)).ToArray();

        Assert.Equal(double.PositiveInfinity, AlertThreshold.ForBudget(scores, 0.02));
        var threshold = AlertThreshold.ForBudget(scores, 0.06);
        Assert.Equal(0.95, threshold);
        Assert.Equal(6, scores.Count(s => s >= threshold));
    }

    [Fact]
    public void ForBudget_NeverAlerts_WhenBudgetIsBelowOneHour()
    {
        Assert.Equal(double.PositiveInfinity, AlertThreshold.ForBudget([0.1, 0.2, 0.3], 0.02));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ForBudget_Throws_WhenBudgetOutsideOpenUnitInterval(double budget)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AlertThreshold.ForBudget([0.5], budget));
        Assert.Equal("budget", e.ParamName);
    }
}
