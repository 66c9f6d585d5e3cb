using System.CommandLine;
using Forecaster.Pipeline;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster brief [--store PATH] [--out DIR] [--as-of UTC] [--model baseline|champion] [--models DIR] [--account-flows CHAIN:POOL]</c>.</summary>
public static class BriefCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var store = CliOptions.Store();
        var output = CliOptions.Out();
        var asOf = new Option<string?>("--as-of") { Description = "Assess as of this UTC hour (default: the latest hour in the store); later data is not used" };
        var model = RiskModelOption.Create();
        var models = TrainCommand.ModelsOption();
        var accountFlows = AccountFlowsOption.Create(AccountFlowsOption.MorningUse);
        var command = new Command("brief", "Write the morning brief (state, 24 h and 72 h forecasts, shortfall probability, status and recommended actions per market) and the proposals it links.") { store, output, asOf, model, models, accountFlows };

        CommandAction.Set(command, async (parse, ct) =>
        {
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            await using var flowStore = DuckDbFlowEventStore.Attach(marketStore);
            var holders = await AccountFlowsOption.ReaderAsync(parse.GetValue(accountFlows), flowStore, ct);
            var riskModel = await RiskModelOption.ResolveAsync(parse.GetValue(model)!, marketStore, parse.GetValue(models)!, Console.Error.WriteLine, ct);
            var result = await new MainRunService(marketStore) { AccountFlows = holders }.BriefWithProposalsAsync(new BriefOptions
            {
                OutputDirectory = parse.GetValue(output)!,
                AsOf = CliOptions.ParseUtc(parse.GetValue(asOf), "--as-of") is { } t ? Markets.HourlyGrid.Floor(t) : null,
            }, ct, riskModel);
            BriefPrinter.Print(result);
            return 0;
        });
        return command;
    }
}
