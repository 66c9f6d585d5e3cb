using System.Text.Json;
using Forecaster.Ingest.Snapshots;
using Forecaster.Recommend;
using Forecaster.Risk.Stress;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// <c>propose</c> reads every market's whole history once for its worst episodes, its track record and its assessments;
/// on the shared files each comes out as the separate reads of the store give it.
/// </summary>
public sealed class RealSharedHistoryTests
{
    [Fact]
    public async Task Proposals_FromOneRead_MatchTheSeparateReads_TheDayBeforeTheUsdtRun()
    {
        using var temp = new TempDirectory("shared-history");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        var files = new[] { "aave_v2_dai.csv.gz", "aave_v2_usdc.csv.gz", "aave_v2_usdt.csv.gz", "aave_v2_weth.csv.gz" }.Select(f => SharedData.Require("aave-v2-hourly", f)).ToList();
        await new SnapshotIngestor(store).IngestAsync(files, new SnapshotIngestOptions(), ct);
        var asOf = new DateTimeOffset(2022, 6, 17, 9, 0, 0, TimeSpan.Zero);

        var result = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("out"), AsOf = asOf }, ct);

        // The worst episodes as one search over histories read on their own finds them, and the track record as the
        // replay that reads the store itself finds it.
        var markets = await store.GetMarketsAsync(ct);
        var whole = new List<(Markets.Market, IReadOnlyList<Markets.MarketHour>)>();
        foreach (var market in markets) whole.Add((market, await store.GetHoursAsync(market.Name, to: asOf, cancellationToken: ct)));
        var worst = StressTester.FindWorst(whole, asOf);
        var record = await ReplayTrackRecord.FindAsync(store, RiskAppetite.Moderate, asOf, ct);
        var (proposal, _) = Assert.Single(result.Proposals);
        Assert.Equal(4, worst.Count);
        Assert.Equal(JsonSerializer.Serialize(worst), JsonSerializer.Serialize(proposal.Stress.Select(s => s.Scenario)));
        Assert.Equal(JsonSerializer.Serialize(record), JsonSerializer.Serialize(proposal.TrackRecord));
        Assert.NotEmpty(record.Episodes);

        // The assessments' 400 days, cut from the one read, are the hours the store returns for that window.
        var shared = await HistoriesUpTo.ReadAsync(store, asOf, ct);
        foreach (var (market, hours) in shared.Since(asOf.AddDays(-400)))
            Assert.Equal(await store.GetHoursAsync(market.Name, asOf.AddDays(-400), asOf, ct), hours);
    }
}
