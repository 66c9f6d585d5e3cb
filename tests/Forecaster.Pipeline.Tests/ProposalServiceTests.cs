using System.Text.Json;
using Forecaster.Prices;
using Forecaster.Publish.Proposals;
using Forecaster.Recommend;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class ProposalServiceTests
{
    // Six simulated markets over a year: enough history for every model, some markets needing action.
    private static async Task<DuckDbMarketStore> SimulatedStoreAsync(TempDirectory temp, CancellationToken ct)
    {
        var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await new SimulationService(store).SimulateAsync(new SimulationOptions { Markets = 6, Days = 365 }, ct);
        return store;
    }

    [Fact]
    public async Task CreateAsync_WritesEverySectionAndJsonThatMatchesTheSpecification()
    {
        using var temp = new TempDirectory("propose");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await SimulatedStoreAsync(temp, ct);

        var result = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("out"), Appetite = RiskAppetite.Conservative }, ct);

        Assert.Equal(6, result.Recommendations.Count);
        Assert.NotEmpty(result.Proposals);
        foreach (var (proposal, path) in result.Proposals)
        {
            var markdown = await File.ReadAllTextAsync(path, ct);
            var positions = GovernanceProposal.Sections.Select(section => markdown.IndexOf($"## {section}\n", StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p > 0));
            Assert.Equal(positions.Order(), positions);

            await AssertJsonMatchesSpecification(proposal, path, markdown, ct);
        }
        Assert.True(File.Exists(Path.Combine(result.Directory, "index.json")));
    }

    // The JSON payload has one row per change with the required keys, each row appears verbatim in the Markdown's
    // specification table, and every recommended value stays within its per-update bound.
    private static async Task AssertJsonMatchesSpecification(GovernanceProposal proposal, string path, string markdown, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".json"), ct));
        var changes = json.RootElement.GetProperty("changes");
        Assert.Equal(proposal.Recommendation.Changes.Count, changes.GetArrayLength());
        foreach (var change in changes.EnumerateArray())
        {
            foreach (var key in new[] { "market", "parameter", "current", "recommended", "bound", "rationale" })
                Assert.True(change.TryGetProperty(key, out _), key);
            var parameter = change.GetProperty("parameter").GetString()!;
            var row = $"| {change.GetProperty("market").GetString()} | {parameter} | {ProposalMarkdownWriter.Value(parameter, change.GetProperty("current").GetDouble())} | {ProposalMarkdownWriter.Value(parameter, change.GetProperty("recommended").GetDouble())} | {change.GetProperty("bound").GetString()} |";
            Assert.Contains(row, markdown);
            var bound = ParameterBound.Defaults[parameter];
            var current = change.GetProperty("current").GetDouble();
            var scale = current != 0 ? Math.Abs(current) : Math.Abs(change.GetProperty("requested").GetDouble());
            Assert.True(Math.Abs(change.GetProperty("recommended").GetDouble() - current) <= bound.MaxRelativeChange * scale + 1e-6);
        }
    }

    [Fact]
    public async Task CreateAsync_ProposesTighterCollateralRatios_WhenTheCollateralPriceTurnsVolatile()
    {
        using var temp = new TempDirectory("propose");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await SimulatedStoreAsync(temp, ct);
        var latest = (await store.GetLatestHourAsync(ct))!.Value;
        // 60 days of WETH prices up to the as-of hour moving 2.5% an hour (about 230% a year: a crash regime).
        var random = new Random(5);
        var log = Math.Log(2000.0);
        var prices = Enumerable.Range(0, 60 * 24).Select(h =>
        {
            log += 0.025 * Risk.Liquidity.StudentT.NextNormal(random);
            return new PriceHour(latest.AddHours(h - 60 * 24 + 1), Math.Exp(log), 0);
        }).ToList();
        await store.UpsertPricesAsync([new PriceBatch("WETH", prices)], ct);

        var result = await new ProposalService(store).CreateAsync(new ProposalOptions { OutputDirectory = temp.File("out") }, ct);

        var (proposal, path) = Assert.Single(result.Proposals, p => p.Proposal.Risk.Market.Asset == "WETH");
        var collateral = proposal.Recommendation.Changes.Where(c => c.Parameter is "ltv" or "liquidationThreshold").ToList();
        Assert.Equal(2, collateral.Count);
        Assert.All(collateral, c => Assert.True(c.Recommended < c.Current));
        var markdown = await File.ReadAllTextAsync(path, ct);
        Assert.Contains("30-day realised", markdown);
        await AssertJsonMatchesSpecification(proposal, path, markdown, ct);
        // Markets without stored prices of their asset get no collateral advice.
        Assert.DoesNotContain(result.Recommendations.Where(r => r.Target.Market != proposal.Risk.Market.Name).SelectMany(r => r.Changes), c => c.Parameter is "ltv" or "liquidationThreshold");
    }

    [Fact]
    public async Task CreateAsync_RecordsWhatItProposed_AndHoldsThoseParametersUntilTheirDelayHasPassed()
    {
        using var temp = new TempDirectory("propose");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await SimulatedStoreAsync(temp, ct);
        var latest = (await store.GetLatestHourAsync(ct))!.Value;
        var output = temp.File("out");
        var service = new ProposalService(store);
        Task<ProposalRunResult> Run(DateTimeOffset asOf) => service.CreateAsync(new ProposalOptions { OutputDirectory = output, Appetite = RiskAppetite.Conservative, AsOf = asOf }, ct);

        var first = await Run(latest.AddDays(-4));
        var delayed = first.Recommendations.SelectMany(r => r.Changes).Where(c => ParameterBound.Defaults[c.Parameter].MinimumDelay >= TimeSpan.FromDays(1)).ToList();
        Assert.NotEmpty(delayed);
        var history = ParameterHistoryFile.Load(Path.Combine(output, ParameterHistoryFile.FileName));
        Assert.Equal(first.Recommendations.SelectMany(r => r.Changes).Count(), history.Records.Count);
        Assert.All(history.Records, r => Assert.Equal(latest.AddDays(-4), r.At));

        // A day later every delayed parameter stays where the first proposal put it, and the proposal says why.
        var second = await Run(latest.AddDays(-3));
        foreach (var c in delayed)
        {
            var r = second.Recommendations.Single(x => x.Target.Market == c.Market);
            Assert.DoesNotContain(r.Changes, x => x.Parameter == c.Parameter);
        }
        Assert.Contains(second.Recommendations.SelectMany(r => r.Held), h => delayed.Any(c => c.Market == h.Market && c.Parameter == h.Parameter && c.Recommended == h.Current));
        foreach (var (proposal, path) in second.Proposals.Where(p => p.Proposal.Recommendation.Held.Count > 0))
            Assert.Contains("Kept unchanged because their minimum delay", await File.ReadAllTextAsync(path, ct));

        // Four days after the first, they may move again, from the values it recorded.
        var third = await Run(latest);
        var moved = third.Recommendations.SelectMany(r => r.Changes).Where(x => delayed.Any(c => c.Market == x.Market && c.Parameter == x.Parameter)).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, x => Assert.Equal(delayed.Single(c => c.Market == x.Market && c.Parameter == x.Parameter).Recommended, x.Current));
    }

    [Fact]
    public async Task BriefWithProposalsAsync_ListsTheProposedActionsWithLinksThatResolve()
    {
        using var temp = new TempDirectory("propose");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await SimulatedStoreAsync(temp, ct);

        var brief = await new MainRunService(store).BriefWithProposalsAsync(new BriefOptions { OutputDirectory = temp.File("out") }, ct);

        var markdown = await File.ReadAllTextAsync(brief.MarkdownPath, ct);
        Assert.Contains("## Recommended actions", markdown);
        var links = System.Text.RegularExpressions.Regex.Matches(markdown, @"\[Proposal\]\((proposals/[^)]+\.md)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(brief.Directory, link)), link));
        var html = await File.ReadAllTextAsync(brief.HtmlPath, ct);
        Assert.All(links, link => Assert.Contains($"href=\"{link}\"", html));
    }

    [Fact]
    public async Task Replay_FindsTheJune2022UsdtEpisode_AndJudgesItsBufferOnDataBeforeIt()
    {
        var files = SharedData.AaveV2Files();

        var result = await ReplayService.RunAsync(files, RiskAppetite.Moderate, TestContext.Current.CancellationToken);

        var june = result.Episodes.Where(e => e.Market == "aave_v2_usdt" && e.Start == new DateTimeOffset(2022, 6, 18, 9, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal([24, 72], june.Select(e => e.HoursBefore));
        var dayBefore = june[0];
        // Deposits went from about $557M to $351M in the hour before 09:00, and more had left in the day before.
        Assert.InRange(dayBefore.RealizedOutflowUsd, 180e6, 260e6);
        Assert.InRange(dayBefore.DepositsUsd, 500e6, 600e6);
        Assert.True(dayBefore.RecommendedBufferUsd > 0 && dayBefore.RecommendedBufferUsd <= dayBefore.DepositsUsd);
        Assert.InRange(result.CoveredShare, 0, 1);
        Assert.True(result.Episodes.Count(e => e.HoursBefore == 24) >= 30, "the shared data holds dozens of eligible episodes");

        using var json = JsonDocument.Parse(ReplayJsonWriter.ToJson(result));
        var first = json.RootElement.GetProperty("episodes")[0];
        foreach (var key in new[] { "market", "start", "recommendedBufferUsd", "realizedOutflowUsd", "covered" })
            Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal(result.CoveredShare, json.RootElement.GetProperty("coveredShare").GetDouble(), 10);
    }
}
