using System.CommandLine;
using Forecaster.Pipeline;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster replay --snapshots FILE... [--json FILE] [--profile moderate]</c>.</summary>
public static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var snapshots = new Option<string[]>("--snapshots") { Description = "Snapshot files holding real shortfall episodes", Required = true, AllowMultipleArgumentsPerToken = true };
        var json = new Option<string?>("--json") { Description = "Write the result as JSON to this file" };
        var profile = ProposeCommand.RiskAppetiteOption();
        var command = new Command("replay", "For each real shortfall episode, what buffer Forecaster would have recommended 24 h and 72 h before, and whether it covered the outflow.") { snapshots, json, profile };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var result = await ReplayService.RunAsync(parse.GetValue(snapshots)!, parse.GetValue(profile), ct);
            foreach (var e in result.Episodes)
                Console.WriteLine($"{e.Market} {e.Start:yyyy-MM-dd HH:mm} ({e.HoursBefore} h before): buffer {e.RecommendedBufferUsd / 1e6:N1}M ({e.BufferShareOfDeposits:P1} of deposits), outflow {e.RealizedOutflowUsd / 1e6:N1}M -> {(e.Covered ? "covered" : "NOT covered")}");
            foreach (var s in result.Skipped) Console.WriteLine($"skipped: {s}");
            Console.WriteLine($"covered: {result.CoveredShare:P1} of episodes 24 h ahead, {result.CoveredShare72h:P1} 72 h ahead; mean buffer {result.MeanBufferShareOfDeposits:P1} of deposits (flat rule: {ReplayResult.FlatRuleShare:P0})");
            if (parse.GetValue(json) is { } path) await File.WriteAllTextAsync(path, ReplayJsonWriter.ToJson(result), ct);
            return 0;
        });
        return command;
    }
}
