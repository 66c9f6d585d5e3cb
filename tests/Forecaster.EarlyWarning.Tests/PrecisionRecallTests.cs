using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class PrecisionRecallTests
{
    [Fact]
    public void AveragePrecision_MatchesHandComputation_WhenRankingIsImperfect()
    {
        // Ranked: P, N, P, N: precision at the two positives is 1 and 2/3.
        var ap = PrecisionRecall.AveragePrecision([0.9, 0.8, 0.7, 0.6], [true, false, true, false]);
        Assert.Equal((1 + 2.0 / 3) / 2, ap, 12);
    }

    [Fact]
    public void AveragePrecision_TreatsTiesAsOneThreshold_WhenScoresAreEqual()
    {
        // All tied: one threshold with precision 1/4.
        Assert.Equal(0.25, PrecisionRecall.AveragePrecision([0.5, 0.5, 0.5, 0.5], [false, true, false, false]), 12);
    }

    [Fact]
    public void AveragePrecision_IsNaN_WhenNoPositives()
    {
        Assert.True(double.IsNaN(PrecisionRecall.AveragePrecision([0.5], [false])));
    }

    [Fact]
    public void Brier_IsMeanSquaredError_WhenGivenProbabilities()
    {
        Assert.Equal((0.01 + 0.04) / 2, PrecisionRecall.Brier([0.9, 0.2], [true, false]), 12);
    }
}
