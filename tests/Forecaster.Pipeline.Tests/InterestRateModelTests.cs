using Forecaster.Simulation;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class InterestRateModelTests
{
    private static readonly InterestRateModel Curve = new(1, 4, 60, 0.8, 0.1);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.4, 3.0)]
    [InlineData(0.8, 5.0)]
    [InlineData(0.9, 35.0)]
    [InlineData(1.0, 65.0)]
    [InlineData(1.3, 65.0)]
    public void BorrowRatePct_FollowsTheKinkedCurve(double utilization, double expected) =>
        Assert.Equal(expected, Curve.BorrowRatePct(utilization), 10);

    [Fact]
    public void SupplyRatePct_SharesBorrowInterestLessTheReserveFactor() =>
        Assert.Equal(35.0 * 0.9 * 0.9, Curve.SupplyRatePct(0.9), 10);
}
