using System.Text.RegularExpressions;
using Forecaster.Publish.Brief;
using Forecaster.Risk;
using Xunit;

namespace Forecaster.Publish.Tests;

public sealed class BriefServiceTests
{
    private static readonly DateTimeOffset DayBefore = SimulatedMarkets.ShortfallAsOf - TimeSpan.FromDays(3);

    [Fact]
    public async Task CreateAsync_WritesSelfContainedHtmlEmbeddingEveryChart_WhenStoreHasMarkets()
    {
        await using var f = await BriefFixture.CreateAsync();

        var result = await f.BriefAsync(SimulatedMarkets.ShortfallAsOf);

        var html = await File.ReadAllTextAsync(result.HtmlPath, TestContext.Current.CancellationToken);
        var charts = result.Brief.Entries.SelectMany(e => e.Charts).Append(result.Brief.HeatMap!).ToList();
        Assert.Equal(6 * 5 + 1, charts.Count);
        foreach (var chart in charts)
        {
            Assert.True(File.Exists(Path.Combine(result.Directory, chart.PngFile)), chart.PngFile);
            Assert.True(File.Exists(Path.Combine(result.Directory, chart.SvgFile)), chart.SvgFile);
        }
        var sources = Regex.Matches(html, "<img[^>]*src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(charts.Count, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        Assert.DoesNotContain("<script", html);
        Assert.True(File.Exists(result.MarkdownPath) && File.Exists(result.JsonPath));
    }

    [Fact]
    public async Task CreateAsync_PutsRedMarketFirstAndSaysNoRecommendationsYet_WhenAMarketIsInShortfall()
    {
        await using var f = await BriefFixture.CreateAsync();

        var result = await f.BriefAsync(SimulatedMarkets.ShortfallAsOf);

        Assert.Equal("sim_usdc", result.Brief.Riskiest!.Market.Name);
        Assert.Equal(MarketStatus.Red, result.Brief.Riskiest.Assessment!.Status);
        var html = await File.ReadAllTextAsync(result.HtmlPath, TestContext.Current.CancellationToken);
        Assert.Contains("Riskiest market: sim_usdc", html);
        Assert.Contains("id=\"no-recommendations\"", html);
        var md = await File.ReadAllTextAsync(result.MarkdownPath, TestContext.Current.CancellationToken);
        Assert.Contains("Riskiest market: sim_usdc", md);
        Assert.Contains("No recommendations: no recommender ran for this brief", md);
    }

    [Fact]
    public async Task CreateAsync_ShowsProposedActionWithProposalLink_WhenRecommendationGiven()
    {
        await using var f = await BriefFixture.CreateAsync();
        var action = new RecommendedAction("sim_usdc", "Raise the reserve factor to 20%", "P(shortfall) 100% at 99.9% utilization.", "https://gov.example.org/t/123", "test");

        var result = await f.BriefAsync(SimulatedMarkets.ShortfallAsOf, [action]);

        var html = await File.ReadAllTextAsync(result.HtmlPath, TestContext.Current.CancellationToken);
        Assert.Contains("Proposed action: Raise the reserve factor to 20%", html);
        Assert.Contains("href=\"https://gov.example.org/t/123\"", html);
        Assert.DoesNotContain("id=\"no-recommendations\"", html);
        var md = await File.ReadAllTextAsync(result.MarkdownPath, TestContext.Current.CancellationToken);
        Assert.Contains("[Proposal](https://gov.example.org/t/123)", md);
    }

    [Fact]
    public async Task CreateAsync_ListsWhatChanged_WhenAnEarlierBriefExists()
    {
        await using var f = await BriefFixture.CreateAsync();
        var first = await f.BriefAsync(DayBefore);

        var second = await f.BriefAsync(SimulatedMarkets.ShortfallAsOf);

        Assert.Equal(first.Brief.AsOf, second.Brief.Previous!.AsOf);
        var before = first.Brief.Entries.Single(e => e.Market.Name == "sim_usdc").Assessment!.Status;
        Assert.NotEqual(MarketStatus.Red, before);
        var change = second.Brief.Changes.First();
        Assert.Equal("sim_usdc", change.Market);
        Assert.True(change.Worse);
        Assert.Equal(MarketStatus.Red, change.StatusNow);
        Assert.Contains($"status {before.ToString().ToLowerInvariant()} → red", change.Description);
        var html = await File.ReadAllTextAsync(second.HtmlPath, TestContext.Current.CancellationToken);
        Assert.Contains(change.Description.Replace(">", "&gt;"), html);
    }

    [Fact]
    public async Task CreateAsync_StatesProblemAndStillWritesBrief_WhenPreviousBriefIsCorrupt()
    {
        await using var f = await BriefFixture.CreateAsync();
        var earlier = Path.Combine(f.Out, "2025-12-01");
        Directory.CreateDirectory(earlier);
        await File.WriteAllTextAsync(Path.Combine(earlier, "brief.json"), "{ \"asOf\": \"2025-12-01T00:00:00+00:00\", \"markets\": [ {", TestContext.Current.CancellationToken);

        var result = await f.BriefAsync(SimulatedMarkets.ShortfallAsOf);

        Assert.Null(result.Brief.Previous);
        Assert.Contains(Path.Combine(earlier, "brief.json"), result.Brief.PreviousProblem);
        Assert.Contains("not valid JSON", result.Brief.PreviousProblem);
        Assert.True(File.Exists(result.HtmlPath));
    }

    [Fact]
    public async Task LatestBriefLocator_FindsNewestDatedBrief_WhenSeveralExist()
    {
        await using var f = await BriefFixture.CreateAsync();
        await f.BriefAsync(SimulatedMarkets.ShortfallAsOf);
        var older = await f.BriefAsync(DayBefore);
        Directory.CreateDirectory(Path.Combine(f.Out, "not-a-date"));
        Directory.CreateDirectory(Path.Combine(f.Out, "2026-01-01")); // later but empty: no brief.html

        var html = Pipeline.LatestBriefLocator.FindHtml(f.Out);

        Assert.Equal(Path.Combine(f.Out, "2025-12-23", "brief.html"), html);
        Assert.NotEqual(older.HtmlPath, html);
    }
}
