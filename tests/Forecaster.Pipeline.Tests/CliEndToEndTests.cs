using System.Text.Json;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The `forecaster` executable as a user runs it: exit codes, one-line errors, files written.</summary>
public class CliEndToEndTests
{
    [Fact]
    public async Task Run_SimulatesIntoAnEmptyStoreThenBriefs_AndDoesNotSimulateAgain()
    {
        using var temp = new TempDirectory("cli");

        var first = await ForecasterProcess.RunAsync(temp.Path, "run");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("The store is empty: simulating", first.Output);
        Assert.True(File.Exists(temp.File(Path.Combine("data", "forecaster.duckdb"))), "default store under data/");
        var briefLine = first.Output.Split('\n').Single(l => l.StartsWith("brief as of", StringComparison.Ordinal));
        var markdown = briefLine[(briefLine.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
        Assert.True(File.Exists(markdown), markdown);
        Assert.Contains("SIMULATED DATA", await File.ReadAllTextAsync(markdown, TestContext.Current.CancellationToken));

        var second = await ForecasterProcess.RunAsync(temp.Path, "run");
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("simulating", second.Output);
    }

    [Theory]
    [InlineData("error: --as-of: 'someday' is not a UTC time", "brief", "--as-of", "someday", "--store", "s.duckdb")]
    [InlineData("error: --days must be in [1, 3650].", "simulate", "--days", "0", "--store", "s.duckdb")]
    [InlineData("error: Snapshot file not found: nothere.csv", "ingest", "snapshots", "nothere.csv", "--store", "s.duckdb")]
    [InlineData("error: The store has no markets", "brief", "--store", "s.duckdb")]
    [InlineData("error: --market: Market name 'a b' may only contain", "ingest", "snapshots", "x.csv", "--market", "a b", "--store", "s.duckdb")]
    public async Task Commands_ExitNonZeroWithOneLineReason_WhenInputIsBad(string expected, params string[] args)
    {
        using var temp = new TempDirectory("cli");
        File.WriteAllText(temp.File("x.csv"), "hour_utc\n");

        var result = await ForecasterProcess.RunAsync(temp.Path, args);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line);
    }

    [Fact]
    public async Task IngestThenBrief_BriefsTheFourRealMarkets()
    {
        var files = SharedData.AaveV2Files();
        using var temp = new TempDirectory("cli");

        var ingest = await ForecasterProcess.RunAsync(temp.Path, ["ingest", "snapshots", .. files, "--store", "real.duckdb"]);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("total: read 180,050 rows, stored 179,988 new", ingest.Output);

        var again = await ForecasterProcess.RunAsync(temp.Path, ["ingest", "snapshots", .. files, "--store", "real.duckdb"]);
        Assert.Contains("total: read 180,050 rows, stored 0 new, updated 0", again.Output);

        var brief = await ForecasterProcess.RunAsync(temp.Path, "brief", "--store", "real.duckdb", "--out", "reports", "--as-of", "2022-06-18T09:00Z");
        Assert.Equal(0, brief.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File(Path.Combine("reports", "2022-06-18", "brief.json"))));
        var markets = json.RootElement.GetProperty("markets");
        Assert.Equal(4, markets.GetArrayLength());
        Assert.False(json.RootElement.GetProperty("simulatedData").GetBoolean());
        // At 09:00 on 2022-06-18 USDT was at 100% utilization: it must top the brief as red with certainty.
        Assert.Equal("aave_v2_usdt", markets[0].GetProperty("name").GetString());
        Assert.Equal("red", markets[0].GetProperty("status").GetString());
        Assert.Equal(1.0, markets[0].GetProperty("shortfallProbability24h").GetDouble());
    }
}
