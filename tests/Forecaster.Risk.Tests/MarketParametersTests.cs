using Forecaster.Markets.RateCurves;
using Forecaster.Markets.ReserveFactors;
using Forecaster.Recommend;
using Xunit;

namespace Forecaster.Risk.Tests;

public class MarketParametersTests
{
    private static readonly DateTimeOffset T0 = new(2022, 6, 17, 0, 0, 0, TimeSpan.Zero);
    // Unlike the assumed stablecoin curve, so the test can tell which one was used.
    private static readonly RateCurveEstimate Usdt = new(0.85, 0, 4, 75, 4000, 300, 0.05, T0.AddDays(-180), T0);

    [Fact]
    public void For_TakesKinkAndSlopeFromTheEstimate_AndFallsBackToTheAssumption()
    {
        var estimated = MarketParameters.For("USDT", Usdt);
        var assumed = MarketParameters.For("USDT", null);

        Assert.Equal((0.85, 75.0), (estimated.OptimalUtilization, estimated.Slope2Pct));
        Assert.Same(Usdt, estimated.RateCurve);
        Assert.Equal(MarketParameters.AssumedFor("USDT"), assumed);
        Assert.Null(assumed.RateCurve);
        Assert.NotEqual((0.85, 75.0), (assumed.OptimalUtilization, assumed.Slope2Pct));
    }

    [Fact]
    public void HistoryApply_KeepsAnEstimatedSlope_ButStillFillsAssumedParameters()
    {
        // A slope proposed yesterday (90) is not what the market's rates show today (75): the rates win. The reserve factor,
        // not read from the rates here, still starts from the recorded proposal.
        var history = ParameterHistory.Empty.With(
            [new ParameterChange("a_usdt", "slope2", 60, 90, 90, "", "", ""), new ParameterChange("a_usdt", "reserveFactor", 0.1, 0.15, 0.15, "", "", "")],
            T0.AddDays(-1));

        var estimated = history.Apply("a_usdt", MarketParameters.For("USDT", Usdt), T0);
        var assumed = history.Apply("a_usdt", MarketParameters.For("USDT", null), T0);

        Assert.Equal(75, estimated.Slope2Pct);
        Assert.Equal(0.15, estimated.ReserveFactor);
        Assert.Equal(90, assumed.Slope2Pct);
    }

    [Fact]
    public void For_TakesTheReserveFactorFromItsEstimate_AndHistoryKeepsIt_WhileTheBorrowCapStaysUnknown()
    {
        var estimate = new ReserveFactorEstimate(0.85, 0.001, 140, T0.AddDays(-7), T0);
        var history = ParameterHistory.Empty.With([new ParameterChange("a_usdt", "reserveFactor", 0.1, 0.125, 0.125, "", "", "")], T0.AddDays(-1));

        var parameters = history.Apply("a_usdt", MarketParameters.For("USDT", null, estimate), T0);

        // The rates show what is in force; the recorded proposal is only what was asked for.
        Assert.Equal(0.85, parameters.ReserveFactor);
        Assert.Same(estimate, parameters.ReserveFactorEstimate);
        Assert.True(double.IsNaN(parameters.BorrowCapUsd));
        Assert.Equal(0.125, history.Apply("a_usdt", MarketParameters.For("USDT", null), T0).ReserveFactor);
    }
}
