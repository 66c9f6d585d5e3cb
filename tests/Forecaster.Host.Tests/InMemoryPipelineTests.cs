using System.Net;
using System.Text.Json.Nodes;
using Forecaster.Jobs;
using Forecaster.Jobs.Ledger;
using Forecaster.Testing;
using Hangfire;
using Xunit;

namespace Forecaster.Host.Tests;

public class InMemoryPipelineTests
{
    [Fact]
    public async Task MorningPipeline_PublishesOneBriefWithEveryMarketForecast_WhenRunTwiceOnInMemory()
    {
        using var temp = new TempDirectory("svc");
        await using var service = await RunningService.StartAsync(new()
        {
            ["Forecaster:Storage:StorePath"] = temp.File("s.duckdb"),
            ["Forecaster:Jobs:ReportsDirectory"] = temp.File("reports"),
            ["Forecaster:Jobs:SimulatedMarkets"] = "4",
        });
        service.Jobs.Enqueue<StartMorningJob>(j => j.RunAsync(CancellationToken.None));
        var asOf = await WaitForAsync(() => service.Ledger.GetLatestAsOfAsync(PipelineStages.Publish, cancellationToken: TestContext.Current.CancellationToken), TimeSpan.FromSeconds(120));

        Assert.Equal(4, (await service.Ledger.ListAsync(PipelineStages.Forecast, asOf, TestContext.Current.CancellationToken)).Count);
        var recommendations = await service.Ledger.ListAsync(PipelineStages.Recommend, asOf, TestContext.Current.CancellationToken);
        Assert.Equal(4, recommendations.Count);
        var recommended = recommendations.Select(RecommendPayload.Read).ToList();
        Assert.All(recommended, r => Assert.Equal(RecommendMarketJob.Recommender, r.Recommender));
        Assert.All(recommended.Where(r => r.NeedsAction), r => Assert.True(File.Exists(Path.Combine(temp.File("reports"), r.Proposal!)), r.Proposal));
        Assert.All(recommended.Where(r => !r.NeedsAction), r => Assert.Null(r.Proposal));
        var published = JsonNode.Parse((await service.Ledger.GetAsync(PipelineStages.Publish, "brief", asOf, TestContext.Current.CancellationToken))!.Payload)!;
        // Every market's part was made by its forecast job; publishing only assembled them.
        Assert.Equal(4, (int)published["partsReady"]!);
        Assert.Equal(0, (int)published["partsMadeHere"]!);
        var briefJson = Path.Combine(temp.File("reports"), (string)published["json"]!);
        var brief = JsonNode.Parse(await File.ReadAllTextAsync(briefJson, TestContext.Current.CancellationToken))!;
        Assert.Equal(4, brief["markets"]!.AsArray().Count);
        Assert.Equal(recommended.Sum(r => r.Actions.Count), brief["recommendations"]!.AsArray().Count);
        Assert.Equal(recommended.Sum(r => r.Actions.Count), (int)published["recommendedActions"]!);
        // Correlated stress needs every market at once; the publish stage computes it, as the CLI's run does.
        Assert.Equal(4, brief["correlatedStress"]!["markets"]!.AsArray().Count);
        var written = File.GetLastWriteTimeUtc(briefJson);

        // The same stage again for the same as-of must not recompute: one brief, untouched.
        var again = service.Jobs.Enqueue<PublishBriefJob>(j => j.RunAsync(asOf, CancellationToken.None));
        await service.WaitForJobAsync(again, TimeSpan.FromSeconds(60));
        Assert.Equal(written, File.GetLastWriteTimeUtc(briefJson));

        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var latest = JsonNode.Parse(await http.GetStringAsync("/api/reports/latest", TestContext.Current.CancellationToken))!;
        Assert.Equal(4, (int)latest["markets"]!);
        var markets = JsonNode.Parse(await http.GetStringAsync("/api/markets", TestContext.Current.CancellationToken))!.AsArray();
        var first = (string)markets[0]!["name"]!;
        var forecast = JsonNode.Parse(await http.GetStringAsync($"/api/markets/{first}/forecast", TestContext.Current.CancellationToken))!;
        Assert.Equal(first, (string?)forecast["market"] ?? (string?)forecast["market"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync((string)latest["markdownUrl"]!, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/markets/nope/forecast", TestContext.Current.CancellationToken)).StatusCode);

        // /reports/latest leads to the newest brief's folder, where its relative links resolve.
        var html = await http.GetAsync("/reports/latest", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal($"/reports/{published["folder"]}/brief.html", html.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(briefJson)!, "brief.html"), TestContext.Current.CancellationToken),
            await html.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var latestJson = JsonNode.Parse(await http.GetStringAsync("/reports/latest/brief.json", TestContext.Current.CancellationToken))!;
        Assert.Equal(4, latestJson["markets"]!.AsArray().Count);
    }

    internal static async Task<DateTimeOffset> WaitForAsync(Func<Task<DateTimeOffset?>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Nothing was published within {timeout}.");
    }
}
