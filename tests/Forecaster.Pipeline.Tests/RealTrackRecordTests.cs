using System.Text.Json;
using Forecaster.Ingest.Snapshots;
using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The track record of a real proposal, the day before the June 2022 USDT run, against the replay itself.</summary>
public sealed class RealTrackRecordTests
{
    [Fact]
    public async Task Proposal_StatesTheEpisodesAndCoveredCountsOfAReplayCutAtItsAsOfHour_OnTheSharedFiles()
    {
        var files = SharedData.AaveV2Files();
        using var temp = new TempDirectory("track-record-real");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SnapshotIngestor(store).IngestAsync(files, new SnapshotIngestOptions(), ct);
        var asOf = new DateTimeOffset(2022, 6, 17, 9, 0, 0, TimeSpan.Zero);

        var run = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("out"), AsOf = asOf }, ct);
        // The replay's own entry point on the same data, cut at the as-of hour here (with a time average it does not use).
        var histories = new List<(Market Market, IReadOnlyList<MarketHour> Hours)>();
        foreach (var market in await store.GetMarketsAsync(ct))
            histories.Add((market, (await store.GetHoursAsync(market.Name, cancellationToken: ct)).Where(h => h.Hour <= asOf).ToList()));
        var replay = await ReplayService.RunAsync(histories, RiskAppetite.Moderate, TimeSpan.FromDays(3650), ct);

        var (proposal, path) = Assert.Single(run.Proposals, p => p.Proposal.Risk.Market.Name == "aave_v2_usdt");
        var record = proposal.TrackRecord!;
        var usdt = replay.Episodes.Where(e => e.Market == "aave_v2_usdt").ToList();
        Assert.NotEmpty(usdt);
        // The run starts the next day: the proposal cannot know it.
        Assert.DoesNotContain(record.Episodes, e => e.Start > asOf);
        Assert.Equal(usdt.Select(e => (e.Start, e.HoursBefore, e.RecommendedBufferUsd, e.RealizedOutflowUsd, e.Covered, e.FlatRuleCovered)),
            record.Episodes.Where(e => e.Market == "aave_v2_usdt").Select(e => (e.Start, e.HoursBefore, e.BufferUsd, e.OutflowUsd, e.Covered, e.FlatRuleCovered)));
        var tally = record.Tally("aave_v2_usdt");
        Assert.Equal(usdt.Select(e => e.Start).Concat(replay.Skipped.Where(s => s.Market == "aave_v2_usdt").Select(s => s.Start)).Distinct().Count(), tally.Episodes);
        foreach (var lead in tally.Leads)
        {
            var at = usdt.Where(e => e.HoursBefore == lead.HoursBefore).ToList();
            Assert.Equal((at.Count, at.Count(e => e.Covered), at.Count(e => e.FlatRuleCovered), replay.Skipped.Count(s => s.Market == "aave_v2_usdt" && s.HoursBefore == lead.HoursBefore)),
                (lead.Judged, lead.Covered, lead.FlatRuleCovered, lead.Skipped));
        }
        var all = record.Tally(null).Leads.Single(l => l.HoursBefore == 24);
        Assert.Equal((replay.Episodes.Count(e => e.HoursBefore == 24), replay.Episodes.Count(e => e.HoursBefore == 24 && e.Covered)), (all.Judged, all.Covered));
        Assert.Equal(replay.CoveredShare, (double)all.Covered / all.Judged, 12);

        var markdown = await File.ReadAllTextAsync(path, ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct));
        TrackRecordAssert.JsonMatchesMarkdown(json.RootElement, markdown);
        Assert.Equal(usdt.Count(e => !e.Covered), json.RootElement.GetProperty("trackRecord").GetProperty("uncovered").GetArrayLength());
        Assert.Equal(4, json.RootElement.GetProperty("trackRecord").GetProperty("markets").GetArrayLength());
    }
}
