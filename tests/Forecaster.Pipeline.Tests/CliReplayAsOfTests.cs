using System.Text.Json;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// End to end with the real executable: <c>replay --store --as-of</c> prints the episodes a proposal of that hour shows
/// in its track record, and nothing later.
/// </summary>
public class CliReplayAsOfTests
{
    [Fact]
    public async Task ReplayAsOf_ListsTheProposalsMisses_AndNoEpisodeAfterTheHour()
    {
        using var temp = new TempDirectory("cli-replay-as-of");
        var ct = TestContext.Current.CancellationToken;
        await (await ProposalTrackRecordTests.StoreAsync(temp, ct)).DisposeAsync();
        var asOf = ProposalTrackRecordTests.Later.AddHours(-1);

        var propose = await ForecasterProcess.RunAsync(temp.Path, "propose", "--store", "s.duckdb", "--out", "out", "--as-of", $"{asOf:yyyy-MM-ddTHH:mm}Z");
        Assert.True(propose.ExitCode == 0, propose.Error);
        var before = await ForecasterProcess.RunAsync(temp.Path, "replay", "--store", "s.duckdb", "--as-of", $"{ProposalTrackRecordTests.Run.AddHours(-1):yyyy-MM-ddTHH:mm}Z", "--json", "before.json");
        var at = await ForecasterProcess.RunAsync(temp.Path, "replay", "--store", "s.duckdb", "--as-of", $"{asOf:yyyy-MM-ddTHH:mm}Z", "--json", "at.json");
        Assert.True(before.ExitCode == 0 && at.ExitCode == 0, before.Error + at.Error);

        using var proposal = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ProposalService.DirectoryFor(temp.File("out"), asOf), "test_usdc.json"), ct));
        using var replay = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("at.json"), ct));
        var missed = replay.RootElement.GetProperty("episodes").EnumerateArray().Where(e => !e.GetProperty("covered").GetBoolean())
            .Select(e => (e.GetProperty("start").GetDateTimeOffset(), e.GetProperty("hoursBefore").GetInt32(), e.GetProperty("recommendedBufferUsd").GetDouble(), e.GetProperty("realizedOutflowUsd").GetDouble()));
        var uncovered = proposal.RootElement.GetProperty("trackRecord").GetProperty("uncovered").EnumerateArray()
            .Select(e => (e.GetProperty("start").GetDateTimeOffset(), e.GetProperty("hoursBefore").GetInt32(), e.GetProperty("bufferUsd").GetDouble(), e.GetProperty("outflowUsd").GetDouble()));
        Assert.Equal(2, uncovered.Count());
        Assert.Equal(missed, uncovered);
        using var earlier = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("before.json"), ct));
        Assert.All(earlier.RootElement.GetProperty("episodes").EnumerateArray(), e => Assert.True(e.GetProperty("start").GetDateTimeOffset() < ProposalTrackRecordTests.Run));
        Assert.Contains("time average: not sampled with --as-of", at.Output);

        var wrong = await ForecasterProcess.RunAsync(temp.Path, "replay", "--store", "s.duckdb", "--as-of", $"{asOf:yyyy-MM-ddTHH:mm}Z", "--basis", "daily-decay");
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith("error: --as-of replays the proposals' own rule on a store", wrong.Error.Trim());
    }
}
