using Forecaster.Markets;
using Forecaster.Recommend;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class ReplaySeasonedScenariosTests
{
    private static readonly DateTimeOffset T0 = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // $100M of deposits and $40M of borrows for 120 days, except: half the deposits leave for two days in the market's
    // first week, and utilization reaches 99% for six hours on day 100 (the episode replayed).
    private static List<MarketHour> History() =>
        Enumerable.Range(0, 120 * 24).Select(h =>
        {
            var supplied = h is >= 120 and < 168 ? 50e6 : 100e6;
            var borrowed = h is >= 2400 and < 2406 ? 0.99 * supplied : 40e6;
            return new MarketHour(T0.AddHours(h), supplied, borrowed, 0, 1, 2, DataQuality.None, 0, 0);
        }).ToList();

    [Fact]
    public async Task SeasonedBasis_LeavesOutTheMarketsFirstMonth_TheCurrentBasisReplaysIt()
    {
        var ct = TestContext.Current.CancellationToken;
        List<(Market, IReadOnlyList<MarketHour>)> histories = [(Market.FromName("a_usdc"), History())];
        var start = T0.AddHours(2400);

        var current = await ReplayService.RunAsync(histories, RiskAppetite.Moderate, TimeSpan.FromDays(28), ct);
        var seasoned = await ReplayService.RunAsync(histories, RiskAppetite.Moderate, TimeSpan.FromDays(28), ct, ReplayBasis.Named["seasoned-scenarios"]);

        var before = current.Episodes.Single(e => e.Start == start && e.HoursBefore == 24);
        var after = seasoned.Episodes.Single(e => e.Start == start && e.HoursBefore == 24);
        // The first week's 50% run, replayed on $100M: $50M of demand under the current rule, nothing once it is left out.
        Assert.Equal(50e6, before.Target!.WorstScenarioOutflowUsd, 1);
        Assert.Equal(0, after.Target!.WorstScenarioOutflowUsd);
        Assert.Equal("seasoned-scenarios", seasoned.Basis);
        Assert.True(after.RecommendedBufferUsd < before.RecommendedBufferUsd);
    }
}
