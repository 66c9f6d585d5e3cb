using Forecaster.Markets;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

public class StressTesterTests
{
    private static readonly DateTimeOffset T0 = new(2022, 6, 17, 0, 0, 0, TimeSpan.Zero);

    private static MarketHour At(int h, double supplied, double borrowed) => new(T0.AddHours(h), supplied, borrowed, 0, 1, 2, DataQuality.None, 0, 0);

    // 100 hours at $500M deposits / $350M borrows; at hour 50 deposits fall to $350M within the hour (like USDT on 2022-06-18),
    // then recover to $450M over the next 24 hours.
    private static List<MarketHour> Crash()
    {
        var hours = new List<MarketHour>();
        for (var h = 0; h < 100; h++)
        {
            var supplied = h < 50 ? 500e6 : h < 74 ? 350e6 + (h - 50) * 100e6 / 24 : 450e6;
            hours.Add(At(h, supplied, 350e6 * 0.999));
        }
        return hours;
    }

    [Fact]
    public void FindWorst_FindsTheOneHourCrash_AndTheUtilizationJump()
    {
        var scenarios = StressTester.FindWorst([(Market.FromName("x_usdt"), Crash())], T0.AddHours(99));

        var oneHour = scenarios.Single(s => s.Name == "largest 1 h deposit outflow");
        Assert.Equal(T0.AddHours(49), oneHour.Start);
        Assert.Equal(0.3, oneHour.DepositOutflowShare, 10);
        Assert.Equal(500e6, oneHour.SourceDepositsUsd); // the hour the window starts from, so a reader can weigh the share
        Assert.Equal(500e6, scenarios.Single(s => s.Name == "largest 72 h deposit outflow").SourceDepositsUsd);
        var jump = scenarios.Single(s => s.Name == "largest 24 h utilization jump");
        Assert.Equal(0.999 - 0.7 * 0.999, jump.UtilizationJump, 6);
        Assert.Equal(4, scenarios.Count);
    }

    [Fact]
    public void FindWorst_NeverLooksPastAsOf()
    {
        var scenarios = StressTester.FindWorst([(Market.FromName("x_usdt"), Crash())], T0.AddHours(49));
        Assert.DoesNotContain(scenarios, s => s.DepositOutflowShare > 0.01);
    }

    // One search over several markets keeps, of each kind, the worse of what each market's own search finds.
    [Fact]
    public void FindWorst_OverMarkets_KeepsTheWorstOfEachMarketsOwnSearch()
    {
        var usdt = (Market.FromName("x_usdt"), (IReadOnlyList<MarketHour>)Crash());
        // A slower run elsewhere: 40% leaves over a day, never more than 3% in an hour; its utilization rises less.
        var dai = (Market.FromName("y_dai"), (IReadOnlyList<MarketHour>)Enumerable.Range(0, 100)
            .Select(h => At(h, h < 30 ? 500e6 : h < 60 ? 500e6 * (1 - 0.4 * (h - 30) / 30.0) : 300e6, 150e6)).ToList());
        var asOf = T0.AddHours(99);

        var together = StressTester.FindWorst([usdt, dai], asOf);
        var each = StressTester.FindWorst([usdt], asOf).Concat(StressTester.FindWorst([dai], asOf)).ToList();

        Assert.Equal(4, together.Count);
        foreach (var worst in together)
            Assert.Equal(each.Where(e => e.Name == worst.Name).MaxBy(e => e.Name == StressTester.UtilizationJumpName ? e.UtilizationJump : e.DepositOutflowShare), worst);
        Assert.Equal("x_usdt", together.Single(s => s.Name == "largest 1 h deposit outflow").SourceMarket);
        Assert.Equal("y_dai", together.Single(s => s.Name == "largest 72 h deposit outflow").SourceMarket);
        Assert.Equal("x_usdt", together.Single(s => s.Name == StressTester.UtilizationJumpName).SourceMarket);
    }

    [Fact]
    public void FindWorst_IgnoresMarketsBelowTenMillion()
    {
        var small = Crash().Select(h => h with { SuppliedUsd = h.SuppliedUsd / 100, BorrowedUsd = h.BorrowedUsd / 100 }).ToList();
        Assert.Empty(StressTester.FindWorst([(Market.FromName("tiny"), small)], T0.AddHours(99)));
    }

    [Fact]
    public void Apply_ReplaysTheShareOnTodaysState_AndCountsWhatCannotBeMet()
    {
        var scenario = new StressScenario("s", "x", T0, TimeSpan.FromHours(1), 0.3, 0);
        var today = At(0, 1_000e6, 800e6); // $200M available

        var outcome = StressTester.Apply(today, scenario);

        Assert.Equal(300e6, outcome.WithdrawalDemandUsd, 1);
        Assert.Equal(0, outcome.AvailableAfterUsd, 1);
        Assert.Equal(100e6, outcome.ShortfallUsd, 1);
        Assert.Equal(1.0, outcome.UtilizationAfter, 10);
        Assert.Equal(2.0 / 3, outcome.Coverage, 10);
    }

    [Fact]
    public void Apply_LeavesTheReserveWhole_WhenAvailableCoversTheDemand()
    {
        var outcome = StressTester.Apply(At(0, 1_000e6, 500e6), new StressScenario("s", "x", T0, TimeSpan.FromHours(24), 0.2, 0));
        Assert.Equal(0, outcome.ShortfallUsd);
        Assert.Equal(300e6, outcome.AvailableAfterUsd, 1);
        Assert.Equal(500.0 / 800, outcome.UtilizationAfter, 10);
    }

    [Fact]
    public void Apply_TurnsAUtilizationJumpIntoWithdrawalDemand()
    {
        // 50% utilized, jump of 0.3: deposits must fall to B/0.8 = $625M, i.e. $375M demand on $500M available.
        var outcome = StressTester.Apply(At(0, 1_000e6, 500e6), new StressScenario("j", "x", T0, TimeSpan.FromHours(24), 0, 0.3));
        Assert.Equal(375e6, outcome.WithdrawalDemandUsd, 1);
        Assert.Equal(0.8, outcome.UtilizationAfter, 10);
    }
}
