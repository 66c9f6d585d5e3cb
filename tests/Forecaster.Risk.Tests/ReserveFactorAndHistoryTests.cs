using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

public class ReserveFactorAndHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 10, 0, 0, 0, TimeSpan.Zero);

    // $1B deposits, $900M borrowed at 8% APR, ES99 of $400M: a $300M+ gap to the target.
    private static LiquidityRiskReport Report() => new(Market.FromName("a_usdc"), T0,
        new MarketHour(T0, 1_000e6, 900e6, 0, 6, 8, DataQuality.None, 0, 0), [], 400e6, 0.25);

    private static MarketRecommendation Recommend(MarketParameters parameters, IReadOnlyDictionary<string, DateTimeOffset> lastChanged, DateTimeOffset now) =>
        new RecommendationEngine().Recommend(Report(), [], 0.01, parameters, double.NaN, 0, lastChanged, now);

    [Fact]
    public void Recommend_RaisesTheReserveFactorByOneBoundedStep_WithItsExpectedEffect()
    {
        var parameters = MarketParameters.AssumedFor("USDC");

        var change = Assert.Single(Recommend(parameters, new Dictionary<string, DateTimeOffset>(), T0).Changes, c => c.Parameter == "reserveFactor");

        Assert.Equal(0.10, change.Current, 9);
        Assert.Equal(0.125, change.Recommended, 9);
        // Closing a $300M gap from 8% on $900M (about $197k a quarter per pp) is far beyond the 50% ceiling.
        Assert.Equal(RecommendationEngine.MaximumReserveFactor, change.Requested, 9);
        // +2.5 pp of $72M a year is $148k over 30 days.
        Assert.Contains("+2.5 pp", change.ExpectedEffect);
        Assert.Contains(UsdText.Compact(900e6 * 0.08 * 0.025 * 30 / 365), change.ExpectedEffect);
    }

    [Fact]
    public void Recommend_HoldsParametersChangedWithinTheirDelay_AndSaysSo()
    {
        var first = Recommend(MarketParameters.AssumedFor("USDC"), new Dictionary<string, DateTimeOffset>(), T0);
        var history = ParameterHistory.Empty.With(first.Changes, T0);

        var dayLater = T0.AddDays(1);
        var parameters = history.Apply("a_usdc", MarketParameters.AssumedFor("USDC"), dayLater);
        var second = Recommend(parameters, history.LastChanged("a_usdc", dayLater), dayLater);

        Assert.Equal(0.125, parameters.ReserveFactor, 9);
        Assert.DoesNotContain(second.Changes, c => c.Parameter is "reserveFactor" or "slope2" or "borrowCap");
        var held = second.Held.Single(h => h.Parameter == "reserveFactor");
        Assert.Equal(held.Current, held.Recommended);
        Assert.Contains($"last changed {T0:yyyy-MM-dd HH:mm} UTC; not again before {T0.AddDays(3):yyyy-MM-dd HH:mm} UTC", held.Bound);

        var later = T0.AddDays(3);
        var third = Recommend(history.Apply("a_usdc", MarketParameters.AssumedFor("USDC"), later), history.LastChanged("a_usdc", later), later);
        Assert.Equal(0.125 * 1.25, third.Changes.Single(c => c.Parameter == "reserveFactor").Recommended, 9);
    }

    [Fact]
    public void History_NeverUsesRecordsAfterTheAsOfHour_AndKeepsReportedParameters()
    {
        var history = new ParameterHistory([new ParameterRecord("a_usdc", "reserveFactor", 0.2, T0), new ParameterRecord("a_usdc", "reserveFactor", 0.3, T0.AddDays(5))]);

        Assert.Equal(0.2, history.Apply("a_usdc", MarketParameters.AssumedFor("USDC"), T0.AddDays(1)).ReserveFactor);
        Assert.Equal(T0, history.LastChanged("a_usdc", T0.AddDays(1))["reserveFactor"]);
        Assert.Empty(history.LastChanged("a_usdc", T0.AddHours(-1)));
        var reported = MarketParameters.AssumedFor("USDC") with { Assumed = false };
        Assert.Equal(reported.ReserveFactor, history.Apply("a_usdc", reported, T0.AddDays(6)).ReserveFactor);
    }
}
