using Forecaster.EarlyWarning.Calibration;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class PlattScalingTests
{
    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void Fit_RecoversTheSlopeAndIntercept_WhenOutcomesFollowAKnownLogitMap()
    {
        // Over-confident input: the truth is σ(0.5 · logit(q) − 1).
        var random = new Random(5);
        var q = Enumerable.Range(0, 40_000).Select(_ => 0.02 + 0.96 * random.NextDouble()).ToArray();
        var o = q.Select(x => random.NextDouble() < 1 / (1 + Math.Exp(-(0.5 * Logit(x) - 1)))).ToArray();

        var map = PlattScaling.Fit(q, o)!;

        Assert.InRange(map.A, 0.45, 0.55);
        Assert.InRange(map.B, -1.06, -0.94);
        Assert.Equal(1 / (1 + Math.Exp(-(map.A * Logit(0.8) + map.B))), map.Apply(0.8), 12);
    }

    [Fact]
    public void Fit_ReturnsNull_WhenOnlyOneClassIsKnown()
    {
        Assert.Null(PlattScaling.Fit([0.1, 0.2, 0.3], [false, false, false]));
        Assert.Null(PlattScaling.Fit([], []));
    }

    [Fact]
    public void Fit_StaysFinite_WhenTheClassesSeparate()
    {
        // Every event above every non-event: unsmoothed maximum likelihood would send the slope to infinity.
        var map = PlattScaling.Fit([0.1, 0.2, 0.3, 0.7, 0.8], [false, false, false, true, true])!;

        Assert.True(double.IsFinite(map.A) && map.A > 0);
        Assert.InRange(map.Apply(0.8), 0.5, 1 - 1e-6);
        Assert.InRange(map.Apply(0.1), 1e-6, 0.5);
    }
}
