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
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var card = await TrainAsync(marketStore, registry, Console.Error.WriteLine, ct);
            Console.WriteLine($"registered {card.Name} v{card.Version}: recall {card.Metrics.Recall:0.###}, AUC-PR {card.Metrics.AucPr:0.###}, Brier skill {card.Metrics.BrierSkill:0.###}");
            // The comparison (and its paired table) went to the log above; the verdict goes with the result.
            Console.WriteLine(registry.Champion(card.Name) == card.Version
                ? $"{card.Name} v{card.Version} is champion{(card.AgainstChampion is { } won ? $" ({won.Basis}: {won.Summary})" : "")}"
                : $"{card.Name} v{card.Version} is not champion ({card.AgainstChampion?.Basis}: {card.AgainstChampion?.Summary})");
            return 0;
        });
        return command;
    }

    /// <summary>Trains on every market of the store, saves the version, and promotes it when it beats the champion (or there is none).</summary>
    public static async Task<ModelCard> TrainAsync(Pipeline.IMarketStore store, ModelRegistry registry, Action<string> log, CancellationToken ct) =>
        (await new Pipeline.RetrainingService(store, registry).RunAsync(new SynchronousProgress(log), ct)).Challenger;
}
