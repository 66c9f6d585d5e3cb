using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The peer-stress and size-aware-scenarios bases on hand-made markets whose buffers are known exactly.</summary>
public class ReplayPeerAndSizeBasesTests
{
    private static readonly DateTimeOffset T0 = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Days = 120;
    private const int EpisodeHour = 100 * 24;

    // Deposits and borrows an hour, with the constant rates of a market whose curve its rates do not show (assumed kink).
    private static List<MarketHour> Series(Func<int, (double Supplied, double Borrowed)> at) =>
        Enumerable.Range(0, Days * 24).Select(h => at(h) is var (s, b) ? new MarketHour(T0.AddHours(h), s, b, 0, 1, 2, DataQuality.None, 0, 0) : default).ToList();

    // $100M at 40% utilization, 99% for six hours from day 100 (the replayed episode).
    private static List<MarketHour> Calm(double supplied) =>
        Series(h => (supplied, h is >= EpisodeHour and < EpisodeHour + 6 ? 0.99 * supplied : 0.4 * supplied));

    // At `utilization` for the twelve hours around the point 24 h before the episode, 40% otherwise.
    private static List<MarketHour> Squeezed(double supplied, double utilization) =>
        Series(h => (supplied, h is >= EpisodeHour - 30 and < EpisodeHour - 18 ? utilization * supplied : 0.4 * supplied));

    private static async Task<ReplayEpisode> DayAhead(List<(Market, IReadOnlyList<MarketHour>)> histories, string basis) =>
        (await ReplayService.RunAsync(histories, RiskAppetite.Moderate, TimeSpan.FromDays(28), TestContext.Current.CancellationToken, ReplayBasis.Named[basis]))
            .Episodes.Single(e => e.Market == "a_usdc" && e.Start == T0.AddHours(EpisodeHour) && e.HoursBefore == 24);

    [Fact]
    public async Task PeerStress_RampsOnAStablecoinPeersStress_NotOnAnotherAssetsOrATinyPeers()
    {
        var at = T0.AddHours(EpisodeHour - 24);
        var dai = Squeezed(100e6, 0.95);
        List<(Market, IReadOnlyList<MarketHour>)> histories =
        [
            (Market.FromName("a_usdc"), Calm(100e6)),
            (Market.FromName("b_dai"), dai),
            // Further into their steep segments than the DAI peer, but not peers: another asset, and a market under $10M.
            (Market.FromName("c_weth"), Squeezed(100e6, 0.99)),
            (Market.FromName("d_usdt"), Squeezed(5e6, 1.0)),
        ];
        var kink = MarketParameters.AsOf("DAI", dai, at).OptimalUtilization;
        Assert.Equal(0.90, kink, 12); // constant rates show no curve: the assumed stablecoin kink
        var peerStress = ReserveTargetPolicy.UtilizationStress(0.95, kink);

        var own = await DayAhead(histories, "all-scenarios");
        var full = await DayAhead(histories, "peer-stress");
        var half = await DayAhead(histories, "peer-stress-half");
        var current = await DayAhead(histories, "current");

        // The USDC market itself sits at 40%, below its kink: on its own stress the rule covers the profile's quarter of the worst episode.
        Assert.Equal(0.25, own.Target!.ScenarioWeight);
        Assert.Equal(0.25 + 0.75 * peerStress, full.Target!.ScenarioWeight, 12);
        Assert.Equal(0.25 + 0.75 * 0.5 * peerStress, half.Target!.ScenarioWeight, 12);
        // The service's rule ramps on the peer's stress in full, and says which peer at which utilization and kink.
        Assert.Equal(0.25 + 0.75 * peerStress, current.Target!.ScenarioWeight, 12);
        Assert.Equal(("b_dai", at, 0.95, kink), (current.Target.PeerStress.Peer, current.Target.PeerStress.PeerHour, current.Target.PeerStress.PeerUtilization!.Value, current.Target.PeerStress.PeerOptimalUtilization!.Value));
        Assert.True(current.Target.PeerStressBinds);
        foreach (var e in new[] { own, full, half, current })
        {
            // Same worst episode and ES99 on every basis; the scenario term binds, so the buffer is weight x worst x 1.1.
            Assert.Equal(own.Target!.WorstScenarioOutflowUsd, e.Target!.WorstScenarioOutflowUsd);
            Assert.True(e.Target.ScenarioWeight * e.Target.WorstScenarioOutflowUsd > e.Target.Es99Outflow24hUsd);
            Assert.Equal(e.Target.ScenarioWeight * e.Target.WorstScenarioOutflowUsd * 1.1, e.RecommendedBufferUsd, 1e-6);
        }
    }

    [Fact]
    public async Task DayScenariosWithPeerStress_WeighTheWorstDayScenarioWithThePeersRamp()
    {
        // A market of another asset (no peer of USDC) loses 30% of its deposits a day for three days from day 50, its
        // borrows alike: a 72 h outflow of 1 - 0.7^3 = 65.7%, above the 59-point jump's demand on USDC, so the two rules'
        // worst episodes differ, while its 24 h outflow (30%) is below it.
        var slow = Series(h =>
        {
            var supplied = 100e6 * Math.Pow(0.7, Math.Clamp((h - 50 * 24 + 1) / 24.0, 0, 3));
            return (supplied, 0.4 * supplied);
        });
        List<(Market, IReadOnlyList<MarketHour>)> histories =
        [
            (Market.FromName("a_usdc"), Calm(100e6)),
            (Market.FromName("b_dai"), Squeezed(100e6, 0.95)),
            (Market.FromName("e_link"), slow),
        ];

        var all = await DayAhead(histories, "all-scenarios");
        var day = await DayAhead(histories, "24h-scenarios");
        var peer = await DayAhead(histories, "peer-stress");
        var both = await DayAhead(histories, "24h-scenarios+peer-stress");
        var current = await DayAhead(histories, "current");

        Assert.True(all.Target!.WorstScenarioOutflowUsd > day.Target!.WorstScenarioOutflowUsd * 1.05, "the 72 h run must be the worst episode of all");
        // The pairing is the service's rule under its old name.
        Assert.Equal(both.Target, current.Target);
        Assert.Equal(day.Target.WorstScenarioOutflowUsd, both.Target!.WorstScenarioOutflowUsd);
        Assert.Equal(peer.Target!.ScenarioWeight, both.Target.ScenarioWeight);
        Assert.True(both.Target.ScenarioWeight > 0.25 + 0.1, "the DAI peer's squeeze must raise the ramp");
        Assert.True(both.Target.ScenarioWeight * both.Target.WorstScenarioOutflowUsd > both.Target.Es99Outflow24hUsd);
        Assert.Equal(both.Target.ScenarioWeight * both.Target.WorstScenarioOutflowUsd * 1.1, both.RecommendedBufferUsd, 1e-6);
    }

    [Fact]
    public async Task SizeAwareScenarios_ScaleASmallSourcesRunBySqrtOfTheSizeRatio_AndWeighEachSourcesOwnWorst()
    {
        // A $20M market loses 40% of its deposits in one hour on day 5 (its borrowers repay alike, so no utilization jump);
        // the $320M market replayed loses 20% in one hour on day 10 and gets it back two weeks later.
        List<(Market, IReadOnlyList<MarketHour>)> histories =
        [
            (Market.FromName("a_usdc"), Series(h =>
            {
                var supplied = h is >= 240 and < 576 ? 256e6 : 320e6;
                return (supplied, (h is >= EpisodeHour and < EpisodeHour + 6 ? 0.99 : 0.4) * supplied);
            })),
            (Market.FromName("b_usdt"), Series(h => h is >= 120 and < 800 ? (12e6, 4.8e6) : (20e6, 8e6))),
        ];

        var current = await DayAhead(histories, "current");
        var sized = await DayAhead(histories, "size-aware-scenarios");

        // Current: the small market's 40% is the worst of every kind, replayed whole on $320M.
        Assert.Equal(0.4 * 320e6, current.Target!.WorstScenarioOutflowUsd, 1e-3);
        // Size-aware: the 40% scaled by sqrt(20 / 320) = 1/4 is 32M, so the market's own 20% (64M), never the worst relative
        // move, is the worst it weighs.
        Assert.Equal(0.2 * 320e6, sized.Target!.WorstScenarioOutflowUsd, 1e-3);
        foreach (var e in new[] { current, sized })
        {
            Assert.True(0.25 * e.Target!.WorstScenarioOutflowUsd > e.Target.Es99Outflow24hUsd);
            Assert.Equal(0.25 * e.Target.WorstScenarioOutflowUsd * 1.1, e.RecommendedBufferUsd, 1e-3);
        }
    }

    [Fact]
    public void ScaledTo_RefusesAnEpisodeWithoutSourceDeposits_AndNeverScalesUp()
    {
        var episode = new StressScenario("largest 1 h deposit outflow", "b_usdt", T0, TimeSpan.FromHours(1), 0.4, 0.1);
        var error = Assert.Throws<InvalidOperationException>(() => episode.ScaledTo(320e6, 0.5));
        Assert.Contains("b_usdt", error.Message);
        var small = episode with { SourceDepositsUsd = 20e6 };
        Assert.Equal(small, small.ScaledTo(10e6, 0.5));
        var scaled = small.ScaledTo(320e6, 0.5);
        Assert.Equal(0.1, scaled.DepositOutflowShare, 12);
        Assert.Equal(0.025, scaled.UtilizationJump, 12);
    }
}
