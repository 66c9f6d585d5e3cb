using System.CommandLine;
using Forecaster.Pipeline;
using Forecaster.Simulation;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster run [--store PATH] [--out DIR] [--model baseline|champion] [--models DIR] [--account-flows CHAIN:POOL]</c>: the main job once, on the embedded default.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var store = CliOptions.Store();
        var output = CliOptions.Out();
        var model = RiskModelOption.Create();
        var models = TrainCommand.ModelsOption();
        var accountFlows = AccountFlowsOption.Create(AccountFlowsOption.MorningUse);
        var command = new Command("run", "Run the main job once: simulate markets if the store is empty, then write the morning brief.") { store, output, model, models, accountFlows };

        CommandAction.Set(command, async (parse, ct) =>
        {
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            await using var flowStore = DuckDbFlowEventStore.Attach(marketStore);
            var holders = await AccountFlowsOption.ReaderAsync(parse.GetValue(accountFlows), flowStore, ct);
            var result = await CommandAction.WithProgressAsync("Forecaster run", progress =>
                new MainRunService(marketStore) { AccountFlows = holders }.RunAsync(new BriefOptions { OutputDirectory = parse.GetValue(output)! }, new SimulationOptions(), progress, ct,
                    token => RiskModelOption.ResolveAsync(parse.GetValue(model)!, marketStore, parse.GetValue(models)!, progress.Report, token)));
            if (result.Simulated)
                Console.WriteLine("Note: the brief is built on SIMULATED markets. Ingest real data with 'forecaster ingest snapshots FILE...'.");
            BriefPrinter.Print(result.Brief);
            return 0;
        });
        return command;
    }
}
