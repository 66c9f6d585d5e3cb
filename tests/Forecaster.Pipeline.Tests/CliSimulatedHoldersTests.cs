using System.Globalization;
using System.Text.Json;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// End to end with the real executable and a real DuckDB file: simulate --events, then replay and propose read the holders
/// back with --account-flows simulated:agents.
/// </summary>
public class CliSimulatedHoldersTests
{
    private const int Markets = 4, Days = 365;

    [Fact]
    public async Task SimulateEvents_ThenReplayAndPropose_StateEveryMarketsHolders()
    {
        using var temp = new TempDirectory("cli-holders");
        var ct = TestContext.Current.CancellationToken;
        var simulate = await ForecasterProcess.RunAsync(temp.Path, "simulate", "--markets", $"{Markets}", "--days", $"{Days}", "--store", "s.duckdb", "--events");
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        Assert.Contains("events (simulated:agents): stored ", simulate.Output);

        // The concentration basis extends the rule it was measured against, `all-scenarios` (the service's rule before the
        // peers' stress and the day-scale filter), so that is the rule it must never ask less than.
        var current = await ReplayJsonAsync(temp, "all-scenarios");
        var concentration = await ReplayJsonAsync(temp, "concentration", "--account-flows", "simulated:agents");
        // The same seed in-process gives the same markets and events.
        var simulated = AgentSimulator.Run(new SimulationOptions { Markets = Markets, Days = Days }, new AgentBehaviour { KeepEvents = true });
        var names = simulated.Select(m => m.Market.Name).Order();
        Assert.Equal(names, concentration.GetProperty("marketsWithHolders").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Equal(0, concentration.GetProperty("marketsWithoutHolders").GetArrayLength());
        // The concentration basis never asks for less than its base rule, at every episode and every sampled day.
        foreach (var list in new[] { "episodes", "samples" })
        {
            var (a, b) = (current.GetProperty(list).EnumerateArray().ToList(), concentration.GetProperty(list).EnumerateArray().ToList());
            Assert.Equal(a.Count, b.Count);
            Assert.NotEmpty(b);
            Assert.All(a.Zip(b), p => Assert.True(
                p.Second.GetProperty("recommendedBufferUsd").GetDouble() >= p.First.GetProperty("recommendedBufferUsd").GetDouble() - 1e-6,
                $"{list}: {p.Second.GetProperty("market")} {p.Second.GetProperty("recommendedBufferUsd")} < {p.First.GetProperty("recommendedBufferUsd")}"));
        }

        var propose = await ForecasterProcess.RunAsync(temp.Path, "propose", "--store", "s.duckdb", "--out", "out", "--profile", "conservative", "--account-flows", "simulated:agents");
        Assert.True(propose.ExitCode == 0, propose.Error);
        var paths = propose.Output.Split('\n').Where(l => l.StartsWith("proposal: ", StringComparison.Ordinal)).Select(l => l["proposal: ".Length..].Trim()).ToList();
        Assert.NotEmpty(paths);
        // The shares the proposals state must be those of the simulated events at the as-of hour.
        // Proposals are as of the store's last hour and count the events stamped before its end.
        var asOfEnd = SimulationOptions.Defaults.Start.AddDays(Days);
        foreach (var path in paths)
        {
            var markdown = await File.ReadAllTextAsync(Path.Combine(temp.Path, path), ct);
            var market = simulated.Single(m => markdown.StartsWith($"# [ARFC] Reserve positioning for {m.Market.Name} (", StringComparison.Ordinal));
            var expected = DepositorConcentration.At(market.Market.Name, market.Events, asOfEnd);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture,
                $"the largest holder has {expected.Top1Share:P1} of them and the five largest {expected.Top5Share:P1}"), markdown);
        }

        var wrong = await ForecasterProcess.RunAsync(temp.Path, "propose", "--store", "s.duckdb", "--out", "out", "--account-flows", "simulated:nobody");
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith("error: Account-level flows: the store holds no logs of simulated:nobody.", wrong.Error.Trim());
        var malformed = await ForecasterProcess.RunAsync(temp.Path, "replay", "--store", "s.duckdb", "--account-flows", "simulated");
        Assert.Equal(1, malformed.ExitCode);
        Assert.StartsWith("error: --account-flows: expected CHAIN:POOL", malformed.Error.Trim());
    }

    private static async Task<JsonElement> ReplayJsonAsync(TempDirectory temp, string basis, params string[] more)
    {
        var json = $"replay-{basis}.json";
        var replay = await ForecasterProcess.RunAsync(temp.Path, ["replay", "--store", "s.duckdb", "--basis", basis, "--json", json, .. more]);
        Assert.True(replay.ExitCode == 0, replay.Error);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File(json), TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }
}
