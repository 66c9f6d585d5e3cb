using System.CommandLine;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Registry;
using Forecaster.Store.DuckDb;

namespace Forecaster.Cli.Commands;

/// <summary><c>forecaster train [--store PATH] [--models DIR] [--method NAME]</c>: fit an early-warning method on the store and register it.</summary>
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
        var method = new Option<string>("--method")
        {
            Description = $"Early-warning method to train ('forecaster models methods' says what each does): {string.Join(", ", EarlyWarningMethods.All.Select(m => m.Name))}",
            DefaultValueFactory = _ => EarlyWarningMethods.DefaultName,
        };
        var command = new Command("train", "Train an early-warning method on the store's markets (walk-forward backtest for its card) and register it; it becomes champion only if it beats the current one on the same hours.") { store, models, method };
        CommandAction.Set(command, async (parse, ct) =>
        {
            // A wrong name is a usage error, like a malformed option: exit 2 before the store is opened, so nothing is written.
            EarlyWarningMethod chosen;
            try { chosen = EarlyWarningMethods.Find(parse.GetValue(method)!); }
            catch (UnknownMethodException e)
            {
                Console.Error.WriteLine($"error: --method: {e.Message}");
                return 2;
            }
            await using var marketStore = DuckDbMarketStore.Open(parse.GetValue(store)!);
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var card = await TrainAsync(marketStore, registry, Console.Error.WriteLine, ct, chosen.Name);
            Console.WriteLine($"registered {card.Name} v{card.Version} ({card.Method}): recall {card.Metrics.Recall:0.###}, AUC-PR {card.Metrics.AucPr:0.###}, Brier skill {card.Metrics.BrierSkill:0.###}");
            // The comparison (and its paired table) went to the log above; the verdict goes with the result.
            Console.WriteLine(registry.Champion(card.Name) == card.Version
                ? $"{card.Name} v{card.Version} is champion{(card.AgainstChampion is { } won ? $" ({won.Basis}: {won.Summary})" : "")}"
                : $"{card.Name} v{card.Version} is not champion ({card.AgainstChampion?.Basis}: {card.AgainstChampion?.Summary})");
            return 0;
        });
        return command;
    }

    /// <summary>Trains <paramref name="method"/> (the default when null) on every market of the store, saves the version, and promotes it when it beats the champion (or there is none).</summary>
    public static async Task<ModelCard> TrainAsync(Pipeline.IMarketStore store, ModelRegistry registry, Action<string> log, CancellationToken ct, string? method = null) =>
        (await new Pipeline.RetrainingService(store, registry, method: method ?? EarlyWarningMethods.DefaultName).RunAsync(new SynchronousProgress(log), ct)).Challenger;
}
