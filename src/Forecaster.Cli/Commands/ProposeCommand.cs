using System.CommandLine;
using Forecaster.Pipeline;
using Forecaster.Recommend;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster propose [--store PATH] [--out DIR] [--profile moderate] [--as-of UTC] [--treasury-budget USD] [--account-flows CHAIN:POOL]</c>.</summary>
public static class ProposeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var store = CliOptions.Store();
        var output = CliOptions.Out();
        var profile = RiskAppetiteOption();
        var asOf = new Option<string?>("--as-of") { Description = "Recommend as of this UTC hour (default: the latest hour in the store)" };
        var budget = new Option<double>("--treasury-budget") { Description = "Treasury reserves (USD) that may be spread across markets; 0 proposes no top-up", DefaultValueFactory = _ => 0 };
        var accountFlows = AccountFlowsOption.Create("stated in each proposal's Motivation and JSON");
        var command = new Command("propose", "Write a governance proposal for every market that needs reserve-positioning action.") { store, output, profile, asOf, budget, accountFlows };

        CommandAction.Set(command, async (parse, ct) =>
        {
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            await using var flowStore = DuckDbFlowEventStore.Attach(marketStore);
            var holders = await AccountFlowsOption.LoadAsync(parse.GetValue(accountFlows), flowStore, ct);
            var result = await new ProposalService(marketStore).CreateAsync(new ProposalOptions
            {
                OutputDirectory = parse.GetValue(output)!,
                Appetite = parse.GetValue(profile),
                AsOf = CliOptions.ParseUtc(parse.GetValue(asOf), "--as-of") is { } t ? Markets.HourlyGrid.Floor(t) : null,
                TreasuryBudgetUsd = parse.GetValue(budget),
                AccountFlows = holders,
            }, ct);
            foreach (var r in result.Recommendations)
                Console.WriteLine($"{r.Target.Market}: target buffer {r.Target.TargetBufferUsd / 1e6:N1}M, available {r.Target.AvailableUsd / 1e6:N1}M, " +
                                  $"P(shortfall 24 h) {r.ShortfallProbability24h:P1} -> {(r.NeedsAction ? $"{r.Changes.Count} change(s) proposed" : "no action")}");
            foreach (var (market, reason) in result.Skipped) Console.WriteLine($"{market}: not assessed: {reason}");
            foreach (var (_, path) in result.Proposals) Console.WriteLine($"proposal: {path}");
            Console.WriteLine($"index: {Path.Combine(result.Directory, "index.json")}");
            return 0;
        });
        return command;
    }

    /// <summary><c>--profile conservative|moderate|aggressive</c>.</summary>
    internal static Option<RiskAppetite> RiskAppetiteOption() => new("--profile")
    {
        Description = "Risk appetite: conservative, moderate or aggressive",
        DefaultValueFactory = _ => RiskAppetite.Moderate,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Enum.TryParse<RiskAppetite>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
            result.AddError($"--profile must be conservative, moderate or aggressive; got '{text}'.");
            return RiskAppetite.Moderate;
        },
    };
}
