using Forecaster.EarlyWarning.Calibration;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>The Murphy decomposition on forecasts whose reliability, resolution and uncertainty are known by hand.</summary>
public sealed class BrierDecomposerTests
{
    private static (double[] P, bool[] O) Repeat(params (double P, int Events, int NonEvents)[] groups)
    {
        var p = new List<double>();
        var o = new List<bool>();
        foreach (var (prob, events, nonEvents) in groups)
        {
            p.AddRange(Enumerable.Repeat(prob, events + nonEvents));
            o.AddRange(Enumerable.Repeat(true, events).Concat(Enumerable.Repeat(false, nonEvents)));
        }
        return (p.ToArray(), o.ToArray());
    }

    private static double[] Constant(double value, int n) => Enumerable.Repeat(value, n).ToArray();

    [Fact]
    public void Decompose_HasZeroReliability_WhenForecastsAreCalibrated()
    {
        // 0.2 is followed by the event 2 times in 10, 0.7 7 times in 10: ō = 0.45.
        var (p, o) = Repeat((0.2, 2, 8), (0.7, 7, 3));

        var d = BrierDecomposer.Decompose(p, o, Constant(0.45, 20));

        Assert.Equal(0, d.Reliability, 15);
        Assert.Equal((10 * 0.25 * 0.25 + 10 * 0.25 * 0.25) / 20, d.Resolution, 15);
        Assert.Equal(0.45 * 0.55, d.Uncertainty, 15);
        // (2·0.8² + 8·0.2² + 7·0.3² + 3·0.7²) / 20
        Assert.Equal(3.7 / 20, d.Brier, 15);
        Assert.Equal(d.Brier, d.BinnedBrier, 15);
        // The reference is the test base rate itself, so no shift and the skill is resolution over uncertainty.
        Assert.Equal(0, d.BaseRateShift, 15);
        Assert.Equal(0.0625 / 0.2475, d.BrierSkill, 12);
    }

    [Fact]
    public void Decompose_HasZeroResolutionAndBrierEqualToUncertainty_WhenTheForecastIsTheBaseRate()
    {
        var (p, o) = Repeat((0.3, 3, 7));

        var d = BrierDecomposer.Decompose(p, o, Constant(0.3, 10));

        Assert.Equal(0, d.Resolution, 15);
        Assert.Equal(0, d.Reliability, 15);
        Assert.Equal(0.21, d.Uncertainty, 15);
        Assert.Equal(d.Uncertainty, d.Brier, 15);
        Assert.Equal(0, d.BrierSkill, 12);
    }

    [Fact]
    public void Decompose_HasTheSquaredErrorAsReliability_AndTheShiftOfTheReference_WhenTheForecastIsConstantAndWrong()
    {
        // Always 0.6 where the event happens 3 times in 10; the training base rate was 0.1.
        var (p, o) = Repeat((0.6, 3, 7));

        var d = BrierDecomposer.Decompose(p, o, Constant(0.1, 10));

        Assert.Equal(0.3 * 0.3, d.Reliability, 15);
        Assert.Equal(0, d.Resolution, 15);
        Assert.Equal(0.3, d.Brier, 15); // (3·0.4² + 7·0.6²) / 10
        Assert.Equal(0.3, d.ObservedFrequency, 15);
        Assert.Equal(0.1, d.MeanReference, 15);
        // The reference's Brier is the uncertainty plus (0.1 − 0.3)².
        Assert.Equal(0.25, d.ReferenceBrier, 15);
        Assert.Equal(0.04, d.BaseRateShift, 15);
        Assert.Equal(1 - 0.3 / 0.25, d.BrierSkill, 12);
        Assert.Equal(1 - 0.3 / 0.21, d.SkillAgainstTestBaseRate, 12);
    }

    [Fact]
    public void Decompose_HoldsExactly_WhenEveryForecastInABinIsEqual()
    {
        var random = new Random(7);
        // One value inside each default bin.
        var centres = BrierDecomposer.DefaultEdges.Skip(1).Select((upper, b) => (BrierDecomposer.DefaultEdges[b] + upper) / 2).ToArray();
        var p = Enumerable.Range(0, 5000).Select(_ => centres[random.Next(10)]).ToArray();
        // Outcomes related to the forecast but not calibrated (squared), so every term is non-zero.
        var o = p.Select(x => random.NextDouble() < Math.Sqrt(x) / 2).ToArray();

        var d = BrierDecomposer.Decompose(p, o, Constant(0.2, p.Length));

        Assert.Equal(0, d.WithinBinVariance, 15);
        Assert.Equal(0, d.WithinBinCovariance, 15);
        Assert.True(d.Reliability > 0.005 && d.Resolution > 0.005, $"rel {d.Reliability}, res {d.Resolution}");
        Assert.Equal(d.Brier, d.Reliability - d.Resolution + d.Uncertainty, 12);
    }

    [Fact]
    public void Decompose_HoldsWithTheWithinBinTerms_WhenForecastsInABinDiffer()
    {
        var random = new Random(11);
        var p = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var o = p.Select(x => random.NextDouble() < x).ToArray();

        double[] equalWidth = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

        var d = BrierDecomposer.Decompose(p, o, Constant(0.5, p.Length), equalWidth);

        // Ten equal-width bins, forecasts uniform within each: variance about 0.1² / 12.
        Assert.InRange(d.WithinBinVariance, 0.0007, 0.0010);
        Assert.NotEqual(d.Brier, d.BinnedBrier, 6);
        Assert.Equal(d.Brier, d.Reliability - d.Resolution + d.Uncertainty + d.WithinBinVariance - 2 * d.WithinBinCovariance, 12);
    }

    [Fact]
    public void Decompose_TablesEveryForecastInItsBin_AndTheCountsAddUp()
    {
        // Edges 0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1; an edge belongs to the bin above it, 1 to the last.
        double[] p = [0, 0.0005, 0.001, 0.004, 0.05, 0.05, 0.35, 0.99, 1, 1];
        bool[] o = [false, false, false, false, true, false, false, true, true, true];

        var d = BrierDecomposer.Decompose(p, o, Constant(0.1, p.Length));

        Assert.Equal(10, d.Bins.Count);
        Assert.Equal(p.Length, d.Bins.Sum(b => b.Count));
        Assert.Equal([2L, 1, 1, 0, 0, 0, 2, 0, 1, 3], d.Bins.Select(b => b.Count));
        Assert.Equal(0.05, d.Bins[6].MeanForecast, 15);
        Assert.Equal(0.5, d.Bins[6].ObservedFrequency, 15);
        Assert.Equal((0.99 + 1 + 1) / 3, d.Bins[9].MeanForecast, 15);
        Assert.Equal(1, d.Bins[9].ObservedFrequency);
        Assert.True(double.IsNaN(d.Bins[3].MeanForecast) && double.IsNaN(d.Bins[3].ObservedFrequency));
        Assert.Equal((0.5, 1.0), (d.Bins[9].Lower, d.Bins[9].Upper));
        Assert.Equal(BrierDecomposer.DefaultEdges.SkipLast(1), d.Bins.Select(b => b.Lower));
    }

    [Fact]
    public void Decompose_NamesTheEdge_WhenEdgesDoNotIncrease()
    {
        var e = Assert.Throws<ArgumentException>(() => BrierDecomposer.Decompose([0.1], [true], [0.1], [0, 0.5, 0.5, 1]));

        Assert.Contains("edges[2] = 0.5 is not above 0.5", e.Message);
    }

    [Fact]
    public void Decompose_GivesTheEvaluatorsBrierSkill_OnScoredMarkets()
    {
        var definition = new ShortfallDefinition();
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(400, 100, 101, 250, 330), definition);
        var random = new Random(3);
        var n = labels.Times.Length;
        var market = new ScoredMarket("m", labels, Enumerable.Range(0, n).Select(i => i >= 50).ToArray(),
            Enumerable.Range(0, n).Select(_ => random.NextDouble() * 0.3).ToArray(), new bool[n], Constant(0.04, n));

        var d = BrierDecomposer.Decompose([market]);

        Assert.Equal(WarningEvaluator.Evaluate([market], definition).Summary.BrierSkill, d.BrierSkill, 12);
        // Hours 50 to 375 (the last whose 24 h window is known), less the 4 shortfall hours; the 24 hours before each
        // of the three runs (100-101, 250, 330) are events.
        Assert.Equal(322, d.Count);
        Assert.Equal(72.0 / 322, d.ObservedFrequency, 12);
    }

    [Fact]
    public void Decompose_NamesTheIndex_WhenAForecastIsNotAProbability()
    {
        var e = Assert.Throws<ArgumentException>(() => BrierDecomposer.Decompose([0.1, double.NaN], [false, true], [0.1, 0.1]));

        Assert.Contains("forecasts[1] = NaN", e.Message);
    }
}
