using System.Text.Json.Nodes;
using Forecaster.Ingest.Snapshots;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Hangfire;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>
/// The service's fan-out sizes a market's target by the same rule as <c>propose</c>: the recommend job, run by the
/// service's Hangfire server (in-memory storage, a real DuckDB file of the shared data), takes the peer stress the
/// scenarios stage found from every market's hours (and recorded in the ledger, so through its JSON), and the proposal it
/// writes states the same target as the one <c>propose</c> writes for the same hour.
/// </summary>
public class FanOutPeerStressTests
{
    // 24 h before DAI's November 2024 episode, USDC stood above its kink (91.8% against 90%): DAI's peer was stressed.
    private static readonly DateTimeOffset DayBeforeDaiEpisode = new(2024, 11, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecommendJob_SizesTheTargetAsPropose_WhenThePeerIsStressed_OnRealData()
    {
        using var temp = new TempDirectory("fanout-peer");
        var ct = TestContext.Current.CancellationToken;
        var dai = SharedData.Require("aave-v2-hourly", "aave_v2_dai.csv.gz");
        var usdc = SharedData.Require("aave-v2-hourly", "aave_v2_usdc.csv.gz");
        Forecaster.Recommend.ReserveTarget proposed;
        await using (var store = DuckDbMarketStore.Open(temp.File("s.duckdb")))
        {
            await new SnapshotIngestor(store).IngestAsync([dai, usdc], new SnapshotIngestOptions(), ct);
            var cli = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("cli"), AsOf = DayBeforeDaiEpisode }, ct);
            proposed = cli.Recommendations.Single(r => r.Target.Market == "aave_v2_dai").Target;
        }
        // The case the test is for: the peer's stress, not DAI's own, sets the weight of the worst episode.
        Assert.True(proposed.PeerStressBinds, $"own stress {proposed.OwnStress}, peer stress {proposed.PeerStress.Stress}");
        Assert.Equal("aave_v2_usdc", proposed.PeerStress.Peer);
        Assert.InRange(proposed.PeerStress.PeerUtilization!.Value, proposed.PeerStress.PeerOptimalUtilization!.Value, 1);
        Assert.Equal(0.25 + 0.75 * proposed.PeerStress.Stress, proposed.ScenarioWeight, 12);

        // The service's recommend job for DAI alone, on the same store: it finds (and records) the scenarios stage itself.
        await using var service = await RunningService.StartAsync(new()
        {
            ["Forecaster:Storage:StorePath"] = temp.File("s.duckdb"),
            ["Forecaster:Jobs:ReportsDirectory"] = temp.File("svc"),
        });
        var job = service.Jobs.Enqueue<RecommendMarketJob>(j => j.RunAsync("aave_v2_dai", DayBeforeDaiEpisode, CancellationToken.None));
        Assert.Equal("Succeeded", await service.WaitForJobAsync(job, TimeSpan.FromSeconds(300)));

        Assert.NotNull(await service.Ledger.GetAsync(PipelineStages.Scenarios, "all", DayBeforeDaiEpisode, ct));
        var recorded = RecommendPayload.Read((await service.Ledger.GetAsync(PipelineStages.Recommend, "aave_v2_dai", DayBeforeDaiEpisode, ct))!);
        Assert.True(recorded.NeedsAction);
        var fromJob = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(Path.Combine(temp.File("svc"), recorded.Proposal!), ".json"), ct))!;
        var fromCli = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ProposalService.DirectoryFor(temp.File("cli"), DayBeforeDaiEpisode), "aave_v2_dai.json"), ct))!;
        Assert.Equal(proposed.TargetBufferUsd, (double)fromJob["targetBufferUsd"]!, 1e-6);
        Assert.Equal(proposed.TargetBufferUsd, (double)fromCli["targetBufferUsd"]!, 1e-6);
        // Every part of the target's make-up, the peer's stress with it, is the same both ways.
        Assert.True(JsonNode.DeepEquals(fromCli["targetBasis"], fromJob["targetBasis"]), $"{fromCli["targetBasis"]}\n{fromJob["targetBasis"]}");
        Assert.Equal("aave_v2_usdc", (string?)fromJob["targetBasis"]!["peerStress"]!["peerMarket"]);
        Assert.Equal(proposed.PeerStress.Stress, (double)fromJob["targetBasis"]!["peerStress"]!["value"]!, 12);
    }
}
