using System.Text;
using System.Text.Json;
using Forecaster.Markets;
using Forecaster.Publish.Proposals;
using Forecaster.Recommend;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// The track record on a hand-made store whose episodes are known: a run too early to judge (skipped), a borrow spike with
/// no deposit leaving (covered by any buffer), and a run of 60% of the deposits in one hour after a calm year (no rule
/// sized on the calm past covers it, nor does the flat 20%). A second market never reaches a shortfall.
/// </summary>
public class ProposalTrackRecordTests
{
    private const double Deposits = 100e6;
    private static readonly DateTimeOffset T0 = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Early = T0.AddHours(200), Spike = T0.AddHours(1000);
    internal static readonly DateTimeOffset Run = T0.AddHours(1500), Later = T0.AddHours(1600);
    private static readonly Market Usdc = Market.FromName("test_usdc"), Dai = Market.FromName("test_dai");

    [Fact]
    public async Task TrackRecord_CountsTheKnownEpisodes_AndListsTheRunTheRuleMissed()
    {
        using var temp = new TempDirectory("track-record");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await StoreAsync(temp, ct);

        var record = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, Later.AddHours(-1), ct);

        Assert.Equal(["test_dai", "test_usdc"], record.Markets);
        var usdc = record.Tally("test_usdc");
        Assert.Equal(3, usdc.Episodes);
        // At each lead: the early run skipped, the spike covered by both rules, the run covered by neither.
        Assert.All(usdc.Leads, l => Assert.Equal((2, 1, 1, 1), (l.Judged, l.Covered, l.FlatRuleCovered, l.Skipped)));
        Assert.Equal(usdc.Episodes, record.Tally(null).Episodes);
        Assert.Equal(usdc.Leads, record.Tally(null).Leads);
        Assert.Equal(0, record.Tally("test_dai").Episodes);
        Assert.Equal([new(24, 0, 0, 0, 0), new(72, 0, 0, 0, 0)], record.Tally("test_dai").Leads);
        Assert.All(record.Episodes.Where(e => e.Covered), e => Assert.Equal(Spike, e.Start));
        var misses = record.Misses("test_usdc");
        Assert.Equal([(Run, 24), (Run, 72)], misses.Select(m => (m.Start, m.HoursBefore)));
        Assert.All(misses, m =>
        {
            Assert.Equal(Deposits, m.DepositsUsd, 1e-3);
            Assert.Equal(0.6 * Deposits, m.OutflowUsd, 1e-3);
            Assert.InRange(m.BufferUsd, 0, 0.6 * Deposits);
            Assert.False(m.FlatRuleCovered);
        });
        var skipped = record.SkippedOf("test_usdc");
        Assert.Equal([(Early, 24), (Early, 72)], skipped.Select(s => (s.Start, s.HoursBefore)));
        Assert.All(skipped, s => Assert.Contains("usable hours of history", s.Reason));

        var usdcText = Markdown(record, "test_usdc");
        Assert.Contains("| test_usdc | 3 | 24 h | 2 | 1 | 1 | 1 |", usdcText);
        Assert.Contains("| all 2 markets | 3 | 72 h | 2 | 1 | 1 | 1 |", usdcText);
        Assert.Contains("| 2022-03-04 12:00 | 24 h | $100.0M |", usdcText);
        Assert.Contains("- 2022-01-09 08:00, 72 h ahead: Market 'test_usdc' has", usdcText);
        var daiText = Markdown(record, "test_dai");
        Assert.Contains("| test_dai | 0 | 24 h | 0 | 0 | 0 | 0 |", daiText);
        Assert.Contains("test_dai had no shortfall episode in the store's data up to the as-of hour", daiText);
    }

    // An episode counts once it has started by the as-of hour: its buffers and its outflow need no later hour. One that
    // starts an hour later is left out although its 24 h and 72 h points lie before the as-of hour: its outflow runs after.
    [Fact]
    public async Task TrackRecord_ReadsNothingAfterTheAsOfHour_WhenACrashIsAppendedAfterIt()
    {
        using var temp = new TempDirectory("track-record");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await StoreAsync(temp, ct);
        string Json(TrackRecord r) => JsonSerializer.Serialize(r);

        var beforeRun = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, Run.AddHours(-1), ct);
        var atRun = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, Run, ct);
        var atEnd = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, Later.AddHours(-1), ct);
        Assert.Empty(beforeRun.Misses("test_usdc"));
        Assert.Equal(2, beforeRun.Tally("test_usdc").Episodes);
        Assert.Equal(atEnd.Misses("test_usdc"), atRun.Misses("test_usdc"));

        // A crash starting the hour after the as-of hour is appended: the earlier as-of's record stays as it was.
        await store.UpsertAsync([new MarketBatch(Usdc, Hours(1600, 1700, h => h < 1603 ? (0.3, 0.99) : (1.0, 0.7)))], ct);
        Assert.Equal(Json(atEnd), Json(await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, Later.AddHours(-1), ct)));
        var withCrash = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, Later, ct);
        Assert.Equal(4, withCrash.Tally("test_usdc").Episodes);
        var crash = withCrash.Episodes.Where(e => e.Start == Later).ToList();
        Assert.Equal([24, 72], crash.Select(e => e.HoursBefore));
        Assert.All(crash, e => Assert.Equal(0.7 * Deposits, e.OutflowUsd, 1e-3));
    }

    // The proposal written for the market carries the same record in its Markdown and JSON.
    [Fact]
    public async Task CreateAsync_WritesTheTrackRecordIntoTheProposal_AsTheReplayFindsIt()
    {
        using var temp = new TempDirectory("track-record");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await StoreAsync(temp, ct);
        var asOf = Later.AddHours(-1);

        var result = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("out"), AsOf = asOf }, ct);

        var (proposal, path) = Assert.Single(result.Proposals, p => p.Proposal.Risk.Market.Name == "test_usdc");
        var expected = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, asOf, ct);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(proposal.TrackRecord));
        var markdown = await File.ReadAllTextAsync(path, ct);
        Assert.Contains(Markdown(expected, "test_usdc"), markdown);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct));
        TrackRecordAssert.JsonMatchesMarkdown(json.RootElement, markdown);
        Assert.Equal(2, json.RootElement.GetProperty("trackRecord").GetProperty("uncovered").GetArrayLength());
        Assert.Contains("reproduces it with `--store` and `--as-of 2022-03-08T15:00Z`", markdown);
    }

    private static string Markdown(TrackRecord record, string market)
    {
        var md = new StringBuilder();
        TrackRecordMarkdown.Write(md, record, market);
        return md.ToString();
    }

    // Written to s.duckdb in the folder (the CLI tests run the executable on it).
    internal static async Task<DuckDbMarketStore> StoreAsync(TempDirectory temp, CancellationToken ct)
    {
        var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await store.UpsertAsync([new MarketBatch(Usdc, Hours(0, 1600, UsdcShape)), new MarketBatch(Dai, Hours(0, 1600, i => (Wiggle(i), 0.5)))], ct);
        return store;
    }

    // The usdc market by hour: deposits (share of $100M) and utilization. Calm at 70% with small hourly moves; still for
    // 80 hours before the spike, the run and the as-of hour, so what leaves after each is exactly known.
    private static (double Deposits, double Utilization) UsdcShape(int hour) => hour switch
    {
        >= 200 and < 203 => (Wiggle(hour), 0.99),   // too early to judge
        >= 920 and < 1000 => (1.0, 0.7),
        >= 1000 and < 1005 => (1.0, 0.99),          // borrows spike, no deposit leaves
        >= 1420 and < 1500 => (1.0, 0.7),
        >= 1500 and < 1503 => (0.4, 0.99),          // 60% of the deposits leave in one hour
        >= 1520 => (1.0, 0.9),                      // utilization stays high after the run
        _ => (Wiggle(hour), hour >= 1503 ? 0.9 : 0.7),
    };

    private static double Wiggle(int hour) => 1 + 0.01 * Math.Sin(hour * 0.37) + 0.005 * Math.Sin(hour * 1.3);

    private static List<MarketHour> Hours(int from, int to, Func<int, (double Deposits, double Utilization)> shape) =>
        Enumerable.Range(from, to - from).Select(i =>
        {
            var (deposits, utilization) = shape(i);
            var borrowRate = 2 + 10 * utilization;
            return new MarketHour(T0.AddHours(i), deposits * Deposits, utilization * deposits * Deposits, 0, borrowRate * utilization * 0.9, borrowRate, DataQuality.None,
                T0.AddHours(i).ToUnixTimeSeconds(), 0);
        }).ToList();
}
