using System.Text.Json;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>`forecaster backtest` as a user runs it: the JSON it writes and how it refuses bad options.</summary>
public class BacktestCommandTests
{
    private static readonly string[] SummaryKeys = ["episodes", "detected", "recall", "medianLeadHours", "alertShare", "precision24h", "aucPr", "brierSkill"];

    [Fact]
    public async Task Backtest_WritesJsonWithExactlyTheIssuesKeys_OnUnseenRealMarket()
    {
        var files = SharedData.AaveV2Files();
        var usdt = files.Single(f => Path.GetFileName(f).Contains("usdt", StringComparison.Ordinal));
        using var temp = new TempDirectory("cli-backtest");

        var result = await ForecasterProcess.RunAsync(temp.Path, ["backtest", "--train", .. files.Where(f => f != usdt), "--test", usdt, "--json", "out/backtest.json", "--bootstrap-json", "out/bootstrap.json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("train/test backtest", result.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File(Path.Combine("out", "backtest.json")), TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(["summary", "baselines", "forecast", "markets"], Keys(root));
        AssertSummary(root.GetProperty("summary"));
        Assert.Equal(["thresholdRule"], Keys(root.GetProperty("baselines")));
        AssertSummary(root.GetProperty("baselines").GetProperty("thresholdRule"));
        Assert.Equal(["mase24h", "coverage90"], Keys(root.GetProperty("forecast")));
        var market = Assert.Single(root.GetProperty("markets").EnumerateArray());
        Assert.Equal(["name", "episodes", "summary"], Keys(market));
        Assert.Equal("aave_v2_usdt", market.GetProperty("name").GetString());
        AssertSummary(market.GetProperty("summary"));
        var episodes = market.GetProperty("episodes").EnumerateArray().ToArray();
        Assert.Equal(root.GetProperty("summary").GetProperty("episodes").GetInt32(), episodes.Length);
        Assert.All(episodes, e => Assert.Equal(["start", "detected", "leadHours"], Keys(e)));
        // The June 2022 run on USDT (100% utilization at 09:00) is one of the episodes.
        Assert.Contains(episodes, e => e.GetProperty("start").GetString() == "2022-06-18T09:00:00Z");
        // A detected episode has a lead inside the detection window; a missed one has none.
        Assert.All(episodes, e =>
        {
            if (e.GetProperty("detected").GetBoolean()) Assert.InRange(e.GetProperty("leadHours").GetInt32(), 1, 72);
            else Assert.Equal(JsonValueKind.Null, e.GetProperty("leadHours").ValueKind);
        });
        // The bootstrap's intervals are printed under the table and written to their own file, not into the issue's JSON.
        Assert.Contains("paired block bootstrap: 2000 resamples of ", result.Output);
        Assert.Contains("model - rule [90%]", result.Output);
        using var bootstrap = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File(Path.Combine("out", "bootstrap.json")), TestContext.Current.CancellationToken));
        var recall = bootstrap.RootElement.GetProperty("Recall");
        Assert.Equal(root.GetProperty("summary").GetProperty("recall").GetDouble(), recall.GetProperty("Model").GetDouble(), 6);
        Assert.Equal(root.GetProperty("baselines").GetProperty("thresholdRule").GetProperty("recall").GetDouble(), recall.GetProperty("Rule").GetDouble(), 6);
        var lower = recall.GetProperty("DifferenceInterval").GetProperty("Lower").GetDouble();
        Assert.True(lower <= recall.GetProperty("Difference").GetDouble() && recall.GetProperty("Difference").GetDouble() <= recall.GetProperty("DifferenceInterval").GetProperty("Upper").GetDouble());
    }

    [Theory]
    [InlineData("error: --alert-budget must be in (0, 0.5]; got 2.", "--alert-budget", "2")]
    [InlineData("error: --horizon must be a whole number of hours in [1, 720]; got 0.", "--horizon", "0")]
    [InlineData("error: --shortfall-utilization must be in (0, 1]; got 1.5.", "--shortfall-utilization", "1.5")]
    [InlineData("error: --bootstrap-resamples must be in [0, 1000000]; got -1.", "--bootstrap-resamples", "-1")]
    [InlineData("error: --bootstrap-json needs --bootstrap-resamples above 0.", "--bootstrap-resamples", "0", "--bootstrap-json", "b.json")]
    [InlineData("error: --train: snapshot file not found: missing.csv.gz")]
    public async Task Backtest_ExitsWithOneLineNamingTheOption_WhenAnOptionIsBad(string expected, params string[] extra)
    {
        using var temp = new TempDirectory("cli-backtest");

        var result = await ForecasterProcess.RunAsync(temp.Path, ["backtest", "--train", "missing.csv.gz", .. extra]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expected, line.Trim());
        Assert.Empty(Directory.GetFiles(temp.Path, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Backtest_NamesTheTestOption_WhenATestFileIsMissing()
    {
        var files = SharedData.AaveV2Files();
        using var temp = new TempDirectory("cli-backtest");

        var result = await ForecasterProcess.RunAsync(temp.Path, "backtest", "--train", files[0], "--test", "nothere.csv", "--json", "b.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --test: snapshot file not found: nothere.csv", result.Error.Trim());
        Assert.False(File.Exists(temp.File("b.json")));
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static void AssertSummary(JsonElement summary)
    {
        Assert.Equal(SummaryKeys, Keys(summary));
        var recall = summary.GetProperty("recall");
        if (recall.ValueKind != JsonValueKind.Null)
            Assert.Equal(summary.GetProperty("detected").GetDouble() / summary.GetProperty("episodes").GetDouble(), recall.GetDouble(), 6);
        Assert.InRange(summary.GetProperty("alertShare").GetDouble(), 0, 1);
    }
}
