using Forecaster.Risk.Liquidity;
using Normal = MathNet.Numerics.Distributions.Normal;
using StudentT = Forecaster.Risk.Liquidity.StudentT;
using Xunit;

namespace Forecaster.Risk.Tests;

public class TailRiskTests
{
    [Fact]
    public void Of_AveragesTheTailBeyondTheInterpolatedQuantile()
    {
        var (valueAtRisk, expectedShortfall) = TailRisk.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList(), 0.95);
        Assert.Equal(95.05, valueAtRisk, 10);
        Assert.Equal(98.0, expectedShortfall, 10);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void Of_MatchesTheClosedForm_OnANormalSample(double level)
    {
        var random = new Random(1);
        var sample = Enumerable.Range(0, 400_000).Select(_ => StudentT.NextNormal(random)).ToList();

        var (valueAtRisk, expectedShortfall) = TailRisk.Of(sample, level);

        var z = Normal.InvCDF(0, 1, level);
        Assert.Equal(z, valueAtRisk, 0.02);
        Assert.Equal(Normal.PDF(0, 1, z) / (1 - level), expectedShortfall, 0.03);
    }

    [Theory]
    [InlineData(5, 0.95)]
    [InlineData(5, 0.99)]
    [InlineData(10, 0.99)]
    public void Of_MatchesTheClosedForm_OnAStudentTSample(double nu, double level)
    {
        var random = new Random(2);
        var scale = Math.Sqrt(nu / (nu - 2)); // back from unit variance to the standard t
        var sample = Enumerable.Range(0, 400_000).Select(_ => StudentT.NextUnitVariance(random, nu) * scale).ToList();

        var (valueAtRisk, expectedShortfall) = TailRisk.Of(sample, level);

        var x = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, nu, level);
        var closedFormEs = (nu + x * x) / (nu - 1) * MathNet.Numerics.Distributions.StudentT.PDF(0, 1, nu, x) / (1 - level);
        Assert.Equal(x, valueAtRisk, x * 0.02);
        Assert.Equal(closedFormEs, expectedShortfall, closedFormEs * 0.03);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    public void Of_Throws_WhenTheLevelIsOutsideTheOpenUnitInterval(double level)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TailRisk.Of([1, 2, 3], level));
        Assert.Equal("level", error.ParamName);
    }

    [Fact]
    public void Of_Throws_WhenTheSampleHoldsNaN()
    {
        var error = Assert.Throws<ArgumentException>(() => TailRisk.Of([1, double.NaN], 0.9));
        Assert.Equal("losses", error.ParamName);
    }

    [Fact]
    public void DegreesOfFreedomFromKurtosis_RecoversTheTail_OfAStudentTSample()
    {
        var random = new Random(3);
        var sample = Enumerable.Range(0, 400_000).Select(_ => StudentT.NextUnitVariance(random, 8)).ToList();
        Assert.InRange(StudentT.DegreesOfFreedomFromKurtosis(sample), 6.5, 10);
    }
}
