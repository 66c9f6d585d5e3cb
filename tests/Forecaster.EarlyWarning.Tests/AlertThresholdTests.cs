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

    [Fact]
    public void SplitBudget_GivesTheRuleWhatTheModelLeaves_CountingOverlapOnce()
    {
        // 100 hours, budget 10%: the model takes its half (its top 5 scores), the rule the next 5 hours by utilization
        // among those the model does not alert on. The top two by utilization are also the model's top two.
        var scores = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var utilization = Enumerable.Range(0, 100).Select(i => i >= 98 ? 0.99 : i < 10 ? 0.9 - i * 0.001 : 0.5).ToArray();

        var (threshold, level) = AlertThreshold.SplitBudget(scores, utilization, 0.10, 0.5);

        Assert.Equal(95, threshold);
        var alerts = Enumerable.Range(0, 100).Where(i => scores[i] >= threshold || utilization[i] >= level).ToArray();
        Assert.Equal(10, alerts.Length); // the whole budget, the overlap not counted twice
        Assert.Equal([0, 1, 2, 3, 4, 95, 96, 97, 98, 99], alerts);
    }

    [Fact]
    public void SplitBudget_LeavesTheRuleOut_WhenItsShareIsZero()
    {
        var scores = new double[] { 1, 1, 1, 1, 2 };
        var (threshold, level) = AlertThreshold.SplitBudget(scores, [0.9, 0.9, 0.9, 0.9, 0.9], 0.5, 0);

        Assert.Equal(2, threshold); // ties at 1 are not split, so a budget share stays unused...
        Assert.Equal(double.PositiveInfinity, level); // ...and the rule does not take it
    }
}
