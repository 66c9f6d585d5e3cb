using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class ThresholdRuleTests
{
    [Fact]
    public void Fit_ChoosesLevelForBudget_WhenGivenTrainingUtilization()
    {
        var u = Enumerable.Range(0, 1000).Select(i => i / 1000.0).ToArray();
        var target = u.Select(x => (sbyte)(x > 0.95 ? 1 : 0)).ToArray();

        var rule = ThresholdRule.Fit(u, target, 0.02);

        Assert.Equal(0.980, rule.Level, 9);
        Assert.Equal(20, u.Count(rule.Alerts));
        Assert.True(rule.Probability(0.99) > 0.5);
        Assert.True(rule.Probability(0.10) < 0.05);
    }

    [Fact]
    public void Fit_Throws_WhenNoTrainingHours()
    {
        Assert.Throws<ArgumentException>(() => ThresholdRule.Fit([], [], 0.02));
    }
}
