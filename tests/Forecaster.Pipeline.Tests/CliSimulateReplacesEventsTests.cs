using System.Text.RegularExpressions;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// End to end with the real executable and a real DuckDB file: <c>simulate</c> without <c>--events</c> after
/// <c>simulate --events</c> says how many stored events it removed, and the holders are gone with the old hours.
/// </summary>
public class CliSimulateReplacesEventsTests
{
    [Fact]
    public async Task Simulate_WithoutEvents_AfterSimulateEvents_RemovesThemAndReplayFindsNoHolders()
    {
        using var temp = new TempDirectory("cli-replace");
        string[] run = ["simulate", "--markets", "2", "--days", "30", "--store", "s.duckdb"];
        var events = await ForecasterProcess.RunAsync(temp.Path, [.. run, "--events"]);
        Assert.True(events.ExitCode == 0, events.Error);
        var stored = Regex.Match(events.Output, @"events \(simulated:agents\): stored ([\d,]+) new, 0 already stored");
        Assert.True(stored.Success, events.Output);
        var holders = await ForecasterProcess.RunAsync(temp.Path, "replay", "--store", "s.duckdb", "--basis", "concentration", "--account-flows", "simulated:agents");
        Assert.True(holders.ExitCode == 0, holders.Error);
        Assert.Contains("current rule kept (no account-level flows) for: no market", holders.Output);

        var plain = await ForecasterProcess.RunAsync(temp.Path, [.. run, "--seed", "7"]);

        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains($"events (simulated:agents): none written (no --events); removed {stored.Groups[1].Value} stored events of these markets", plain.Output);
        var replay = await ForecasterProcess.RunAsync(temp.Path, "replay", "--store", "s.duckdb", "--basis", "concentration", "--account-flows", "simulated:agents");
        Assert.Equal(1, replay.ExitCode);
        Assert.StartsWith("error: Account-level flows: the store holds no logs of simulated:agents.", replay.Error.Trim());
        // Run again on the store it left, nothing is left to remove.
        var again = await ForecasterProcess.RunAsync(temp.Path, [.. run, "--seed", "7"]);
        Assert.Contains("removed 0 stored events", again.Output);
    }
}
