using System.Text.Json.Nodes;
using Forecaster.Publish.Brief;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The service makes the brief per market (parts, per-market proposals) and assembles it; it must equal the CLI's brief.</summary>
public class BriefPartsTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task BriefAssembledFromStoredPartsAndPerMarketProposals_EqualsTheBriefMadeInOneGo()
    {
        using var temp = new TempDirectory("parts");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 6, Days = 365 }, ct);
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 6, 0, 0, TimeSpan.Zero));
        var asOf = (await store.GetLatestHourAsync(ct))!.Value;

        var whole = await new MainRunService(store, clock).BriefWithProposalsAsync(new BriefOptions { OutputDirectory = temp.File("whole"), AsOf = asOf }, ct);

        // The service's way: every market on its own, its part through a file, then one assembly.
        var options = new BriefOptions { OutputDirectory = temp.File("parts"), AsOf = asOf };
        var briefs = new BriefService(store, clock);
        var proposals = new ProposalService(store);
        var shared = await proposals.FindSharedStressAsync(asOf, ct);
        var trackRecord = await ReplayTrackRecord.FindAsync(store, Recommend.RiskAppetite.Moderate, asOf, ct);
        var directory = BriefService.DirectoryFor(options.OutputDirectory, asOf);
        var ready = new Dictionary<string, MarketBriefPart>();
        var actions = new List<(double, string, IReadOnlyList<RecommendedAction>)>();
        foreach (var market in await store.GetMarketsAsync(ct))
        {
            await BriefPartFiles.WriteAsync(directory, await briefs.CreatePartAsync(market, asOf, options, ct), ct);
            ready[market.Name] = (await BriefPartFiles.ReadAsync(directory, market.Name, asOf, ct))!;
            var proposal = await proposals.ProposeAsync(market, asOf, shared, trackRecord, new ProposalOptions { OutputDirectory = options.OutputDirectory }, ct);
            if (proposal.Proposal is not null)
                actions.Add((proposal.Recommendation!.ShortfallProbability24h, market.Name, RecommendedActions.For(proposal.Proposal, proposal.MarkdownPath!, directory)));
        }
        var assembled = await new BriefService(store, clock)
        {
            ReadyParts = ready,
            Recommendations = RecommendedActions.RiskiestFirst(actions),
            CorrelatedStress = await proposals.CorrelatedStressAsync(asOf, ct),
        }.CreateAsync(options, ct);

        Assert.NotEmpty(assembled.Brief.Recommendations);
        Assert.Equal(await File.ReadAllTextAsync(whole.MarkdownPath, ct), await File.ReadAllTextAsync(assembled.MarkdownPath, ct));
        Assert.Equal(await File.ReadAllTextAsync(whole.JsonPath, ct), await File.ReadAllTextAsync(assembled.JsonPath, ct));
        var wholeProposals = Directory.GetFiles(Path.Combine(whole.Directory, "proposals"), "*.md").Select(Path.GetFileName).Order();
        var partProposals = Directory.GetFiles(Path.Combine(assembled.Directory, "proposals"), "*.md").Select(Path.GetFileName).Order();
        Assert.Equal(wholeProposals, partProposals);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(assembled.Directory, "parts"), "*.json").Length);
    }

    [Fact]
    public async Task ReadyPart_IsRefused_WhenItIsForAnotherHour_AndAPartFileOfAnotherHourIsNotTaken()
    {
        using var temp = new TempDirectory("parts");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 1, Days = 60 }, ct);
        var asOf = (await store.GetLatestHourAsync(ct))!.Value;
        var market = (await store.GetMarketsAsync(ct))[0];
        var options = new BriefOptions { OutputDirectory = temp.File("out"), AsOf = asOf };
        var earlier = await new BriefService(store).CreatePartAsync(market, asOf.AddHours(-2), options, ct);
        var directory = BriefService.DirectoryFor(options.OutputDirectory, asOf);
        await BriefPartFiles.WriteAsync(directory, earlier, ct);

        Assert.Null(await BriefPartFiles.ReadAsync(directory, market.Name, asOf, ct));
        Assert.NotNull(await BriefPartFiles.ReadAsync(directory, market.Name, asOf.AddHours(-2), ct));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            new BriefService(store) { ReadyParts = new Dictionary<string, MarketBriefPart> { [market.Name] = earlier } }.CreateAsync(options, ct));
        Assert.Contains(market.Name, refused.Message);

        await File.WriteAllTextAsync(BriefPartFiles.PathOf(directory, market.Name), "{ not json", ct);
        var broken = await Assert.ThrowsAsync<ForecasterException>(() => BriefPartFiles.ReadAsync(directory, market.Name, asOf, ct));
        Assert.Contains(BriefPartFiles.PathOf(directory, market.Name), broken.Message);
    }
}
