using System.Globalization;
using System.Text.Json;
using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>The real executable: brief and run find the holders in a store 'simulate --events' filled, without being told the pool.</summary>
public class CliMorningHoldersTests
{
    private const int Markets = 2, Days = 60;

    [Fact]
    public async Task Brief_AsOfAnEarlierHour_StatesTheHoldersOfThatHour_AndRunRefusesAPoolNotStored()
    {
        using var temp = new TempDirectory("cli-morning-holders");
        var ct = TestContext.Current.CancellationToken;
        var simulate = await ForecasterProcess.RunAsync(temp.Path, "simulate", "--markets", $"{Markets}", "--days", $"{Days}", "--store", "s.duckdb", "--events");
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        var asOf = SimulationOptions.Defaults.Start.AddDays(Days - 2);

        var brief = await ForecasterProcess.RunAsync(temp.Path, "brief", "--store", "s.duckdb", "--out", "out", "--as-of", asOf.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

        Assert.True(brief.ExitCode == 0, brief.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(temp.Path, "out", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "brief.json"), ct));
        var markets = json.RootElement.GetProperty("markets").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        var simulated = AgentSimulator.Run(new SimulationOptions { Markets = Markets, Days = Days }, new AgentBehaviour { KeepEvents = true });
        Assert.Equal(Markets, markets.Count);
        foreach (var m in simulated)
        {
            var expected = DepositorConcentration.At(m.Market.Name, m.Events, asOf + HourlyGrid.Step);
            var holders = markets[m.Market.Name].GetProperty("holders");
            Assert.Equal(expected.Top1Share, holders.GetProperty("top1Share").GetDouble(), 12);
            Assert.Equal(expected.Top5Share, holders.GetProperty("top5Share").GetDouble(), 12);
            Assert.Equal(expected.Holders, holders.GetProperty("holders").GetInt32());
        }

        var wrong = await ForecasterProcess.RunAsync(temp.Path, "run", "--store", "s.duckdb", "--out", "out2", "--account-flows", "simulated:nobody");
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith("error: --account-flows: the store holds no logs of simulated:nobody", wrong.Error.Trim());
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out2")));
    }
}
