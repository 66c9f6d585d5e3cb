using System.Globalization;
using System.Text.Json;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// The main job's brief and proposals say who holds each market's deposits when the store holds its account-level flows,
/// found without being told the pool, counted only up to the as-of hour; and say nothing about holders when it does not.
/// Real DuckDB store, filled by the agent simulator with its events.
/// </summary>
public class MorningHoldersTests(MorningHoldersTests.SimulatedStore simulatedStore) : IClassFixture<MorningHoldersTests.SimulatedStore>
{
    private static readonly SimulationOptions Options = new() { Markets = 4, Days = 365 };

    /// <summary>One store the agent simulator filled with its events, read (never changed) by the tests that need it.</summary>
    public sealed class SimulatedStore : IAsyncLifetime
    {
        private readonly TempDirectory _temp = new("run-holders");

        public DuckDbMarketStore Store { get; private set; } = null!;

        public DuckDbFlowEventStore Flows { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Store = DuckDbMarketStore.Open(_temp.File("s.duckdb"));
            Flows = DuckDbFlowEventStore.Attach(Store);
            await new SimulationService(Store).SimulateWithEventsAsync(Options, Flows);
        }

        public async ValueTask DisposeAsync()
        {
            await Flows.DisposeAsync();
            await Store.DisposeAsync();
            _temp.Dispose();
        }
    }

    [Fact]
    public async Task Run_OnAStoreWithSimulatedEvents_StatesTheSharesDepositorConcentrationGivesAtTheAsOf()
    {
        using var temp = new TempDirectory("run-holders-out");
        var ct = TestContext.Current.CancellationToken;
        var (store, flows) = (simulatedStore.Store, simulatedStore.Flows);
        var simulated = SimulatedEvents();

        var result = await new MainRunService(store) { AccountFlows = new AccountFlowReader(flows) }
            .BriefWithProposalsAsync(new BriefOptions { OutputDirectory = temp.File("out") }, ct);

        var asOf = result.Brief.AsOf;
        var expected = simulated.ToDictionary(m => m.Key, m => DepositorConcentration.At(m.Key, m.Value, asOf + HourlyGrid.Step));
        await AssertBriefStatesAsync(result, expected, ct);
        var proposals = ProposalJsons(result);
        Assert.NotEmpty(proposals);
        foreach (var path in proposals)
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
            var holders = json.RootElement.GetProperty("depositorConcentration");
            var want = expected[Path.GetFileNameWithoutExtension(path)];
            Assert.Equal(want.Top1Share, holders.GetProperty("top1Share").GetDouble(), 12);
            Assert.Equal(want.Top5Share, holders.GetProperty("top5Share").GetDouble(), 12);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"the largest holder has {want.Top1Share:P1} of them and the five largest {want.Top5Share:P1}"),
                await File.ReadAllTextAsync(Path.ChangeExtension(path, ".md"), ct));
        }
    }

    [Fact]
    public async Task Run_AsOfYesterday_CountsNoEventOfToday()
    {
        using var temp = new TempDirectory("run-holders-asof");
        var ct = TestContext.Current.CancellationToken;
        var (store, flows) = (simulatedStore.Store, simulatedStore.Flows);
        var simulated = SimulatedEvents();
        var latest = (await store.GetLatestHourAsync(ct))!.Value;
        var yesterday = latest - TimeSpan.FromDays(1);
        var reader = new AccountFlowReader(flows);

        // The reader itself never hands out an event stamped after the as-of hour's end.
        var cut = yesterday + HourlyGrid.Step;
        var loaded = await reader.LoadAsync(yesterday, cancellationToken: ct);
        Assert.Equal(simulated.Keys.Order(), loaded.Markets.Order());
        foreach (var (market, events) in simulated)
        {
            var read = await loaded.ReadAsync(market, ct).ToListAsync(ct);
            Assert.All(read, e => Assert.True(e.Timestamp < cut, $"{market}: event at {e.Timestamp:u} read for a brief as of {yesterday:u}"));
            Assert.Equal(events.Count(e => e.Timestamp < cut && AccountFlows.Kinds.Contains(e.Kind)), read.Count);
        }

        var result = await new MainRunService(store) { AccountFlows = reader }
            .BriefWithProposalsAsync(new BriefOptions { OutputDirectory = temp.File("out"), AsOf = yesterday }, ct);

        Assert.Equal(yesterday, result.Brief.AsOf);
        var expected = simulated.ToDictionary(m => m.Key, m => DepositorConcentration.At(m.Key, m.Value, cut));
        // The last day moved the holders, so a brief that counted it would state other numbers.
        Assert.Contains(simulated, m => DepositorConcentration.At(m.Key, m.Value, latest + HourlyGrid.Step).Top1Share != expected[m.Key].Top1Share);
        await AssertBriefStatesAsync(result, expected, ct);
    }

    [Fact]
    public async Task Run_OnAStoreWithoutEvents_WritesNoHolderLinesAndNoError()
    {
        using var temp = new TempDirectory("run-no-holders");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(store);
        await new SimulationService(store).SimulateAsync(Options, ct);

        var result = await new MainRunService(store) { AccountFlows = new AccountFlowReader(flows) }
            .BriefWithProposalsAsync(new BriefOptions { OutputDirectory = temp.File("out") }, ct);

        Assert.DoesNotContain("Who holds the deposits", await File.ReadAllTextAsync(result.MarkdownPath, ct));
        Assert.DoesNotContain("Who holds the deposits", await File.ReadAllTextAsync(result.HtmlPath, ct));
        using var brief = JsonDocument.Parse(await File.ReadAllTextAsync(result.JsonPath, ct));
        Assert.All(brief.RootElement.GetProperty("markets").EnumerateArray(), m => Assert.False(m.TryGetProperty("holders", out _)));
        var proposals = ProposalJsons(result);
        Assert.NotEmpty(proposals);
        foreach (var path in proposals)
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("depositorConcentration").ValueKind);
        }
    }

    [Fact]
    public async Task Reader_RefusesAMarketTwoSourcesClaim_AndANamedPoolTheStoreLacks_ButReadsTheNamedOne()
    {
        using var temp = new TempDirectory("holders-sources");
        var ct = TestContext.Current.CancellationToken;
        var options = new SimulationOptions { Markets = 2, Days = 20 };
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(store);
        await new SimulationService(store).SimulateWithEventsAsync(options, flows, ct);
        // The same events again as another chain's pool: both now claim every market.
        var stored = await flows.GetLogsAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct);
        var checkpoint = (await flows.GetCheckpointAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct))!;
        const string Chain = "copychain", Source = "copy";
        await flows.AppendAsync(new FlowLogBatch(
            stored.Select(l => l.Log).DistinctBy(l => l.Block).Select(l => new ChainBlock(Chain, l.Block, l.BlockHash, l.Timestamp)).ToList(),
            stored.Select(l => new PoolLog(l.Log with { Chain = Chain, Address = Source }, l.Flow! with { Chain = Chain })).ToList(),
            checkpoint with { Chain = Chain, Source = Source }), ct);
        var asOf = (await store.GetLatestHourAsync(ct))!.Value;

        var contested = await Assert.ThrowsAsync<ForecasterException>(() => new AccountFlowReader(flows).LoadAsync(asOf, cancellationToken: ct));
        Assert.Contains($"are stored from {Chain}:{Source} and simulated:agents", contested.Message);

        var named = new AccountFlowReader(flows, AccountFlowPool.Parse("simulated:AGENTS", "--account-flows"));
        await named.CheckAsync("--account-flows", ct);
        Assert.Equal(2, (await named.LoadAsync(asOf, cancellationToken: ct)).Markets.Count);
        var missing = await Assert.ThrowsAsync<ForecasterException>(() => new AccountFlowReader(flows, new AccountFlowPool("simulated", "nobody")).CheckAsync("Forecaster:Jobs:AccountFlows", ct));
        Assert.StartsWith("Forecaster:Jobs:AccountFlows: the store holds no logs of simulated:nobody", missing.Message);
        var malformed = Assert.Throws<ForecasterException>(() => AccountFlowPool.Parse("simulated", "Forecaster:Jobs:AccountFlows"));
        Assert.StartsWith("Forecaster:Jobs:AccountFlows: expected CHAIN:POOL", malformed.Message);
    }

    /// <summary>The brief's Markdown and JSON state, per market, exactly <paramref name="expected"/>'s top-1 and top-5 shares and holder count.</summary>
    internal static async Task AssertBriefStatesAsync(BriefResult result, IReadOnlyDictionary<string, DepositorConcentration> expected, CancellationToken ct)
    {
        var markdown = await File.ReadAllTextAsync(result.MarkdownPath, ct);
        using var brief = JsonDocument.Parse(await File.ReadAllTextAsync(result.JsonPath, ct));
        var markets = brief.RootElement.GetProperty("markets").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(expected.Keys.Order(), markets.Keys.Order());
        foreach (var (market, want) in expected)
        {
            Assert.True(want.Holders > 0, market);
            var holders = markets[market].GetProperty("holders");
            Assert.Equal(want.Top1Share, holders.GetProperty("top1Share").GetDouble(), 12);
            Assert.Equal(want.Top5Share, holders.GetProperty("top5Share").GetDouble(), 12);
            Assert.Equal(want.Holders, holders.GetProperty("holders").GetInt32());
            var section = markdown[markdown.IndexOf($"## {market}\n", StringComparison.Ordinal)..];
            Assert.Contains(HolderLine(want), section[..section.IndexOf("Recommended action", StringComparison.Ordinal)]);
        }
    }

    /// <summary>What the brief says of <paramref name="holders"/>, written out independently of the writer's code.</summary>
    internal static string HolderLine(DepositorConcentration holders) => string.Create(CultureInfo.InvariantCulture,
        $"largest holder {holders.Top1Share * 100:0.0}%, five largest {holders.Top5Share * 100:0.0}%, {holders.Holders:N0} holders.");

    private static Dictionary<string, IReadOnlyList<FlowEvent>> SimulatedEvents() =>
        AgentSimulator.Run(Options, new AgentBehaviour { KeepEvents = true }).ToDictionary(m => m.Market.Name, m => (IReadOnlyList<FlowEvent>)m.Events);

    private static List<string> ProposalJsons(BriefResult result) =>
        Directory.EnumerateFiles(Path.Combine(result.Directory, "proposals"), "*.json").Where(p => Path.GetFileName(p) != "index.json").ToList();
}
