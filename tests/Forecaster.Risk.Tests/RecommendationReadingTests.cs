using System.Globalization;
using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

/// <summary>
/// What a governance forum reads in a recommendation's rationale, bound and notes is what the numbers say: no value
/// presented as closing a gap it cannot close, no request larger than its own reasoning argues, no bound said twice,
/// no lever said to be proposed that is not.
/// </summary>
public class RecommendationReadingTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 10, 0, 0, 0, TimeSpan.Zero);

    // $1B deposits, $900M borrowed at 8% APR; the ES99 sets the gap.
    private static MarketRecommendation Recommend(double es99Usd, double probability = 0.01, double depositsPerRatePointUsd = double.NaN, string market = "aave_v2_usdc") =>
        new RecommendationEngine().Recommend(
            new LiquidityRiskReport(Market.FromName(market), T0, new MarketHour(T0, 1_000e6, 900e6, 0, 6, 8, DataQuality.None, 0, 0), [], es99Usd, 0.25),
            [], probability, MarketParameters.AssumedFor("USDC"), depositsPerRatePointUsd, 0, new Dictionary<string, DateTimeOffset>(), T0);

    [Fact]
    public void ReserveFactor_BeyondTheCeiling_SaysWhatClosingTakes_AndHowLittleTheCeilingDoes()
    {
        // Gap: 400M x 1.1 - 100M = 340M. 8% on 900M keeps 72M a year per 1.0 of reserve factor, 17.95M in 91 days:
        // closing takes 10% + 340 / 17.95 = 1,904%; at 50% the reserves grow by 0.4 x 17.95M = 7.18M, 2.1% of the gap.
        var change = Recommend(400e6).Changes.Single(c => c.Parameter == "reserveFactor");

        Assert.Equal(RecommendationEngine.MaximumReserveFactor, change.Requested, 9);
        var closing = 0.10 + 340e6 / (72e6 * 91 / 365);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"would take a reserve factor of {closing:P0}, above the 50 % ceiling"), change.Rationale);
        Assert.Contains($"even at 50 % the reserves would grow by {UsdText.Compact(72e6 * 0.4 * 91 / 365)} in 91 days", change.Rationale);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{72e6 * 0.4 * 91 / 365 / 340e6:P1} of the gap, so this lever alone cannot close it"), change.Rationale);
        Assert.DoesNotContain("would take a reserve factor of 50.0 %", change.Rationale);
    }

    [Fact]
    public void ReserveFactor_BelowTheCeiling_NamesTheValueThatClosesTheGap()
    {
        // ES99 of 95M: gap 104.5M - 100M = 4.5M, closing at 10% + 4.5 / 17.95 = 35.1%.
        var change = Recommend(95e6).Changes.Single(c => c.Parameter == "reserveFactor");

        var closing = 0.10 + (95e6 * 1.1 - 100e6) / (72e6 * 91 / 365);
        Assert.Equal(closing, change.Requested, 9);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Closing the gap within 91 days would take a reserve factor of {closing:P1}."), change.Rationale);
        Assert.DoesNotContain("ceiling", change.Rationale);
    }

    [Fact]
    public void ReserveFactor_InForceAboveTheCeiling_IsNotRaised_AndTheNotesSayWhy()
    {
        // USDC's rates read 85.0 % on 2024-11-05 (Aave v2's wind-down): the proposal showed it and proposed no raise, silently.
        var r = new RecommendationEngine().Recommend(
            new LiquidityRiskReport(Market.FromName("aave_v2_usdc"), T0, new MarketHour(T0, 1_000e6, 900e6, 0, 6, 8, DataQuality.None, 0, 0), [], 400e6, 0.25),
            [], 0.01, MarketParameters.AssumedFor("USDC") with { ReserveFactor = 0.85 }, double.NaN, 0, new Dictionary<string, DateTimeOffset>(), T0);

        Assert.True(r.Target.GapUsd > 0);
        Assert.DoesNotContain(r.Changes, c => c.Parameter == "reserveFactor");
        Assert.Contains(r.Notes, n => n.StartsWith("The reserve factor in force (85.0 %) is at or above the 50 % Forecaster proposes at most, so no raise is proposed", StringComparison.Ordinal));
        Assert.DoesNotContain(Recommend(400e6).Notes, n => n.Contains("reserve factor in force", StringComparison.Ordinal));
    }

    [Fact]
    public void Slope2_WithoutAMeasuredResponse_AsksForOneStepAtTheBound_AndNoMore()
    {
        // The rationale says one step at the bound; a request for more would be a size no measurement argues for, and the
        // proposal would then say how many updates it takes to reach it.
        var change = Recommend(400e6).Changes.Single(c => c.Parameter == "slope2");

        Assert.Contains("No positive rate-to-flow response is measurable", change.Rationale);
        Assert.Equal(60 * 1.5, change.Recommended, 9);
        Assert.Equal(change.Recommended, change.Requested, 9);
        Assert.Equal(1, change.UpdatesToRequested);
        Assert.Equal(TimeSpan.Zero, change.TimeToRequested);
    }

    [Fact]
    public void Bound_StatesThePerUpdateStepOnce_WhenItLimitsTheChange()
    {
        var change = Recommend(400e6).Changes.Single(c => c.Parameter == "reserveFactor");

        Assert.NotEqual(change.Requested, change.Recommended);
        Assert.Equal("at most 25 % per update, 3 days apart; the analysis asks for more than this one step", change.Bound);
    }

    [Fact]
    public void NoCapsNote_SaysTheBreakerIsNotProposed_BelowItsLimit_AndProposedAtIt()
    {
        var below = Assert.Single(Recommend(400e6, probability: 0.01).Notes);
        Assert.DoesNotContain(Recommend(400e6, probability: 0.01).Changes, c => c.Parameter == "borrowingPaused");
        Assert.Contains("which would be proposed once the 24 h shortfall probability reaches the moderate circuit-breaker limit of 35 %; at 1.0 % it is not proposed now.", below);

        var at = Recommend(400e6, probability: 0.5);
        Assert.Contains(at.Changes, c => c.Parameter == "borrowingPaused");
        Assert.Contains("proposed below because the 24 h shortfall probability of 50.0 % reaches the moderate circuit-breaker limit of 35 %.", Assert.Single(at.Notes));
    }

    [Fact]
    public void Rationale_NamesTheCurrentValuesSource_InItsOwnSentence()
    {
        var change = Recommend(400e6).Changes.Single(c => c.Parameter == "slope2");

        Assert.EndsWith(". Current value assumed: the store does not hold this market's parameters.", change.Rationale);
        Assert.DoesNotContain(". (current value", change.Rationale);
    }
}
