using System.Text.Json.Nodes;
using Forecaster.Flows;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Markets;
using Forecaster.Pipeline;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Hangfire;
using Xunit;

namespace Forecaster.Host.Tests;

/// <summary>
/// The Hangfire morning pipeline (in-memory storage, real DuckDB file) on a store the agent simulator filled with its
/// events: its brief and proposals state who holds the deposits, as <c>forecaster run</c> does for the same as-of hour,
/// and its proposals carry the same track record as the CLI's.
/// </summary>
public class MorningHoldersPipelineTests
{
    private static readonly SimulationOptions Options = new() { Markets = 4, Days = 365 };

    [Fact]
    public async Task MorningPipeline_StatesTheSameHolderLinesAsRun_AndTheSharesOfTheEventsAtTheAsOf()
    {
        using var temp = new TempDirectory("svc-holders");
        var ct = TestContext.Current.CancellationToken;
        var storePath = temp.File("s.duckdb");
        await using (var store = DuckDbMarketStore.Open(storePath))
        await using (var flows = DuckDbFlowEventStore.Attach(store))
            await new SimulationService(store).SimulateWithEventsAsync(Options, flows, ct);

        DateTimeOffset asOf;
        string serviceMarkdown;
        JsonNode serviceJson;
        List<RecommendPayload> recommended;
        IReadOnlyList<StageRecord> trackRecords;
        await using (var service = await RunningService.StartAsync(new()
        {
            ["Forecaster:Storage:StorePath"] = storePath,
            ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
        }))
        {
            service.Jobs.Enqueue<StartMorningJob>(j => j.RunAsync(CancellationToken.None));
            asOf = await InMemoryPipelineTests.WaitForAsync(() => service.Ledger.GetLatestAsOfAsync(PipelineStages.Publish, cancellationToken: ct), TimeSpan.FromSeconds(300));
            var published = JsonNode.Parse((await service.Ledger.GetAsync(PipelineStages.Publish, "brief", asOf, ct))!.Payload)!;
            serviceMarkdown = await File.ReadAllTextAsync(Path.Combine(temp.File("reports"), (string)published["markdown"]!), ct);
            serviceJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(temp.File("reports"), (string)published["json"]!), ct))!;
            recommended = (await service.Ledger.ListAsync(PipelineStages.Recommend, asOf, ct)).Select(RecommendPayload.Read).ToList();
            trackRecords = await service.Ledger.ListAsync(PipelineStages.TrackRecord, asOf, ct);
        }

        // The CLI's main job on the same store, as of the same hour.
        BriefResult run;
        await using (var store = DuckDbMarketStore.Open(storePath))
        await using (var flows = DuckDbFlowEventStore.Attach(store))
            run = await new MainRunService(store) { AccountFlows = new AccountFlowReader(flows) }
                .BriefWithProposalsAsync(new BriefOptions { OutputDirectory = temp.File("run"), AsOf = asOf }, ct);

        Assert.Equal(HolderLines(await File.ReadAllTextAsync(run.MarkdownPath, ct)), HolderLines(serviceMarkdown));
        var simulated = AgentSimulator.Run(Options, new AgentBehaviour { KeepEvents = true });
        Assert.Equal(Options.Markets, HolderLines(serviceMarkdown).Count);
        var markets = serviceJson["markets"]!.AsArray().ToDictionary(m => (string)m!["name"]!, m => m!);
        foreach (var m in simulated)
        {
            var expected = DepositorConcentration.At(m.Market.Name, m.Events, asOf + HourlyGrid.Step);
            var holders = markets[m.Market.Name]["holders"]!;
            Assert.Equal(expected.Top1Share, (double)holders["top1Share"]!, 12);
            Assert.Equal(expected.Top5Share, (double)holders["top5Share"]!, 12);
            Assert.Equal(expected.Holders, (int)holders["holders"]!);
        }
        // The recommend jobs' proposals carry the concentration as 'propose --account-flows' writes it.
        var proposals = recommended.Where(r => r.Proposal is not null).ToList();
        Assert.NotEmpty(proposals);
        foreach (var r in proposals)
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(Path.Combine(temp.File("reports"), r.Proposal!), ".json"), ct))!;
            var events = simulated.Single(m => m.Market.Name == r.Market).Events;
            Assert.Equal(DepositorConcentration.At(r.Market, events, asOf + HourlyGrid.Step).Top1Share, (double)json["depositorConcentration"]!["top1Share"]!, 12);
            // ... and the same track record as the CLI's proposal for the market (found once by the fan-out, not per market).
            var cli = Path.Combine(ProposalService.DirectoryFor(temp.File("run"), asOf), $"{r.Market}.json");
            Assert.True(File.Exists(cli), cli);
            var cliRecord = JsonNode.Parse(await File.ReadAllTextAsync(cli, ct))!["trackRecord"]!;
            Assert.True(JsonNode.DeepEquals(cliRecord, json["trackRecord"]), r.Market);
            Assert.Equal(TrackRecordSection(await File.ReadAllTextAsync(Path.ChangeExtension(cli, ".md"), ct)),
                TrackRecordSection(await File.ReadAllTextAsync(Path.ChangeExtension(Path.Combine(temp.File("reports"), r.Proposal!), ".md"), ct)));
        }
        Assert.Single(trackRecords);
        Assert.Equal(asOf, trackRecords[0].AsOf);
    }

    private static string TrackRecordSection(string markdown)
    {
        var start = markdown.IndexOf(Publish.Proposals.TrackRecordMarkdown.Heading, StringComparison.Ordinal);
        Assert.True(start >= 0, "the proposal has a track record");
        return markdown[start..markdown.IndexOf("\n## ", start, StringComparison.Ordinal)];
    }

    // Each market's heading with its holder sentence, by market.
    private static List<string> HolderLines(string markdown)
    {
        var lines = markdown.Split('\n');
        var result = new List<string>();
        string? market = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) market = line;
            else if (line.StartsWith("Who holds the deposits", StringComparison.Ordinal)) result.Add($"{market}: {line}");
        }
        return result.Order(StringComparer.Ordinal).ToList();
    }
}
