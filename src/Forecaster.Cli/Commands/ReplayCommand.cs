using System.CommandLine;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster replay (--snapshots FILE... | --store PATH [--account-flows CHAIN:POOL | --as-of UTC]) [--json FILE] [--profile moderate] [--basis NAME]</c>.</summary>
public static class ReplayCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var snapshots = new Option<string[]>("--snapshots") { Description = "Snapshot files holding real shortfall episodes", AllowMultipleArgumentsPerToken = true };
        var store = new Option<string?>("--store") { Description = "Replay every market of this store instead (e.g. simulated markets from 'forecaster simulate')" };
        var json = new Option<string?>("--json") { Description = "Write the result as JSON to this file" };
        var profile = ProposeCommand.RiskAppetiteOption();
        var sampleDays = new Option<int>("--sample-days")
        {
            Description = "Days between the samples of the buffer's time average over the history",
            DefaultValueFactory = _ => (int)ReplayService.DefaultSampling.TotalDays,
        };
        var basis = new Option<string>("--basis")
        {
            Description = $"What the buffer rests on: {string.Join(", ", ReplayBasis.Named.Keys)} (README, Replay evidence)",
            DefaultValueFactory = _ => ReplayBasis.Current.Name,
        };
        var accountFlows = AccountFlowsOption.Create("with --store, for --basis concentration");
        var asOf = new Option<string?>("--as-of")
        {
            Description = "With --store: only episodes that started by this UTC hour, from data up to it (a proposal's track record); no time average",
        };
        var command = new Command("replay", "For each real shortfall episode, what buffer Forecaster would have recommended 24 h and 72 h before, and whether it covered the outflow.")
            { snapshots, store, json, profile, sampleDays, basis, accountFlows, asOf };

        CommandAction.Set(command, async (parse, ct) =>
        {
            var days = parse.GetValue(sampleDays);
            if (days < 1) throw new ForecasterException($"--sample-days must be at least 1 (got {days}).");
            var (files, storePath) = (parse.GetValue(snapshots) ?? [], parse.GetValue(store));
            var basisName = parse.GetValue(basis)!;
            if (!ReplayBasis.Named.TryGetValue(basisName, out var rule))
                throw new ForecasterException($"--basis: '{basisName}' is not one of {string.Join(", ", ReplayBasis.Named.Keys)}.");
            if ((files.Length > 0) == (storePath is not null)) throw new ForecasterException("replay: give either --snapshots FILE... or --store PATH (exactly one).");
            if (storePath is null && parse.GetValue(accountFlows) is not null) throw new ForecasterException("--account-flows needs --store (the logs are read from the store).");
            var upTo = CliOptions.ParseUtc(parse.GetValue(asOf), "--as-of") is { } t ? Markets.HourlyGrid.Floor(t) : (DateTimeOffset?)null;
            if (upTo is not null && (storePath is null || rule != ReplayBasis.Current || parse.GetValue(accountFlows) is not null))
                throw new ForecasterException("--as-of replays the proposals' own rule on a store: it needs --store, and takes neither --basis nor --account-flows.");
            ReplayResult result;
            if (storePath is null) result = await ReplayService.RunAsync(files, parse.GetValue(profile), TimeSpan.FromDays(days), ct, rule);
            else
            {
                if (!File.Exists(storePath)) throw new ForecasterException($"--store: no store at {storePath}.");
                await using var marketStore = DuckDbMarketStore.Open(storePath);
                await using var flowStore = DuckDbFlowEventStore.Attach(marketStore);
                var holders = await AccountFlowsOption.LoadAsync(parse.GetValue(accountFlows), flowStore, ct);
                result = upTo is { } hour
                    ? await ReplayService.RunUpToAsync(marketStore, parse.GetValue(profile), hour, ct)
                    : await ReplayService.RunAsync(marketStore, parse.GetValue(profile), TimeSpan.FromDays(days), ct, rule, holders);
            }
            foreach (var e in result.Episodes)
                Console.WriteLine($"{e.Market} {e.Start:yyyy-MM-dd HH:mm} ({e.HoursBefore} h before): utilization {e.Utilization:P1} (kink {e.OptimalUtilization:P1}), buffer {e.RecommendedBufferUsd / 1e6:N1}M ({e.BufferShareOfDeposits:P1} of deposits), outflow {e.RealizedOutflowUsd / 1e6:N1}M -> {(e.Covered ? "covered" : "NOT covered")}{(e.FlatRuleCovered ? "" : "; flat rule NOT covered")}");
            foreach (var s in result.Skipped) Console.WriteLine($"skipped: {s}");
            if (rule.LargestHolders)
                Console.WriteLine($"largest holders known for: {(result.MarketsWithHolders.Count > 0 ? string.Join(", ", result.MarketsWithHolders) : "no market")}; " +
                                  $"current rule kept (no account-level flows) for: {(result.MarketsWithoutHolders.Count > 0 ? string.Join(", ", result.MarketsWithoutHolders) : "no market")}");
            Console.WriteLine($"covered: {result.CoveredShare:P1} of episodes 24 h ahead, {result.CoveredShare72h:P1} 72 h ahead (flat {ReplayResult.FlatRuleShare:P0} rule: {result.FlatRuleCoveredShare:P1} and {result.FlatRuleCoveredShare72h:P1})");
            Console.WriteLine($"buffer, mean at the episode points (24 h before each crisis): {result.MeanBufferShareOfDeposits:P1} of deposits");
            if (upTo is not null) Console.WriteLine($"buffer, time average: not sampled with --as-of (episodes up to {upTo:yyyy-MM-dd HH:mm} UTC only)");
            else Console.WriteLine($"buffer, time average over {result.Samples.Count} market-days sampled every {days} d: {result.TimeAverageBufferShareOfDeposits:P1} of deposits (flat rule: {ReplayResult.FlatRuleShare:P0} every hour)");
            foreach (var (market, share) in result.TimeAverageBufferShareByMarket) Console.WriteLine($"  {market}: {share:P1}");
            if (parse.GetValue(json) is { } path) await File.WriteAllTextAsync(path, ReplayJsonWriter.ToJson(result), ct);
            return 0;
        });
        return command;
    }
}
