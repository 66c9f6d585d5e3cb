using System.CommandLine;
using Forecaster.Modeling.Registry;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster train [--store PATH] [--models DIR]</c>: fit the early-warning model on the store and register it.</summary>
public static class TrainCommand
{
    /// <summary>The <c>--models DIR</c> option.</summary>
    public static Option<string> ModelsOption() => new("--models")
    {
        Description = $"Model registry folder; default {ModelRegistry.DefaultRoot}",
        DefaultValueFactory = _ => ModelRegistry.DefaultRoot,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var store = CliOptions.Store();
        var models = ModelsOption();
        var command = new Command("train", "Train the shortfall early-warning model on the store's markets (walk-forward backtest for its card) and register it; it becomes champion only if it beats the current one.") { store, models };
        CommandAction.Set(command, async (parse, ct) =>
        {
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            var card = await TrainAsync(marketStore, new ModelRegistry(parse.GetValue(models)!), Console.Error.WriteLine, ct);
            Console.WriteLine($"registered {card.Name} v{card.Version}: recall {card.Metrics.Recall:0.###}, AUC-PR {card.Metrics.AucPr:0.###}, Brier skill {card.Metrics.BrierSkill:0.###}");
            return 0;
        });
        return command;
    }

    /// <summary>Trains on every market of the store, saves the version, and promotes it when it beats the champion (or there is none).</summary>
    public static async Task<ModelCard> TrainAsync(Pipeline.IMarketStore store, ModelRegistry registry, Action<string> log, CancellationToken ct) =>
        (await new Pipeline.RetrainingService(store, registry).RunAsync(new LogProgress(log), ct)).Challenger;

    private sealed class LogProgress(Action<string> log) : IProgress<string>
    {
        public void Report(string value) => log(value);
    }
}
