using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

/// <summary>Proposals ask only for parameters the market's protocol has, and never invent a current value.</summary>
public class ProtocolLeversTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 10, 0, 0, 0, TimeSpan.Zero);

    // $1B deposits, $900M borrowed, ES99 of $400M: a gap to the target, so the engine asks to stop new borrowing.
    private static MarketRecommendation Recommend(string marketName, double probability = 0.01) =>
        new RecommendationEngine().Recommend(
            new LiquidityRiskReport(Market.FromName(marketName), T0, new MarketHour(T0, 1_000e6, 900e6, 0, 6, 8, DataQuality.None, 0, 0), [], 400e6, 0.25),
            [], probability, MarketParameters.AssumedFor("USDC"), double.NaN, 0, new Dictionary<string, DateTimeOffset>(), T0);

    [Theory]
    [InlineData("aave-v2", false)]
    [InlineData("aave-v1", false)]
    [InlineData("AAVE-V2", false)]
    [InlineData("aave-v3", true)]
    [InlineData("unknown", true)]
    public void HasBorrowCaps_IsFalseOnlyForAaveBeforeV3(string protocol, bool expected) =>
        Assert.Equal(expected, ProtocolLevers.HasBorrowCaps(protocol));

    [Fact]
    public void Recommend_ProposesNoBorrowCap_ForAnAaveV2Market_AndSaysV2HasNone()
    {
        var r = Recommend("aave_v2_usdc");

        Assert.True(r.Target.GapUsd > 0);
        Assert.DoesNotContain(r.Changes, c => c.Parameter == "borrowCap");
        Assert.DoesNotContain(r.Held, c => c.Parameter == "borrowCap");
        var note = Assert.Single(r.Notes);
        Assert.Contains("aave-v2 has no borrow caps", note);
        Assert.Contains("borrowingPaused", note);
    }

    [Fact]
    public void Recommend_StillPausesBorrowing_OnAnAaveV2Market_AtTheCircuitBreakerLimit()
    {
        var r = Recommend("aave_v2_usdc", probability: 0.9);

        Assert.Contains(r.Changes, c => c.Parameter == "borrowingPaused" && c.Recommended == 1);
        Assert.DoesNotContain(r.Changes, c => c.Parameter == "borrowCap");
    }

    [Fact]
    public void Recommend_ProposesACapFromAnUnknownCurrentValue_ForAnAaveV3Market_AndAsksForAFullVote()
    {
        var r = Recommend("aave_v3_usdc");

        var cap = Assert.Single(r.Changes, c => c.Parameter == "borrowCap");
        Assert.True(double.IsNaN(cap.Current));
        // No relative step can apply to an unknown value: the cap asked for is proposed whole.
        Assert.Equal(900e6, cap.Recommended);
        Assert.Equal(cap.Requested, cap.Recommended);
        Assert.StartsWith("no per-update bound (the current value is unknown), 3 days apart; a full governance vote is needed", cap.Bound);
        Assert.Contains("No current cap is known", cap.Rationale);
        Assert.Empty(r.Notes);
    }

    [Fact]
    public void Apply_ReturnsTheRecommendedValue_WhenTheCurrentOneIsUnknown_ButStillHoldsTheDelay()
    {
        var bound = ParameterBound.Defaults["borrowCap"];

        var (value, limited) = bound.Apply(double.NaN, 5e6, null, T0);
        var (held, why) = bound.Apply(double.NaN, 5e6, T0.AddDays(-1), T0);

        Assert.Equal(5e6, value);
        Assert.Contains("full governance vote", limited);
        Assert.True(double.IsNaN(held));
        Assert.Contains("not again before", why);
    }
}
