using System.CommandLine;
using Forecaster.Cli.Commands;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Registry;
using Forecaster.Risk;

namespace Forecaster.Cli;

/// <summary>
/// <c>--model baseline|champion</c> of <c>brief</c> and <c>run</c>. The baseline is the default because the trained
/// early-warning model does not yet beat the threshold rule on recall and lead in the walk-forward backtest (README,
/// Early warning); the champion is there to use and compare.
/// </summary>
public static class RiskModelOption
{
    /// <summary>The baseline risk model (threshold-rule-like, no training).</summary>
    public const string Baseline = "baseline";

    /// <summary>The registry's champion early-warning model, trained on the store first when there is none.</summary>
    public const string Champion = "champion";

    /// <summary>The <c>--model</c> option.</summary>
    public static Option<string> Create()
    {
        return new Option<string>("--model")
        {
            Description = $"Risk model: {Baseline} (default) or {Champion} (the registry's champion; trains one on the store if none exists)",
            DefaultValueFactory = _ => Baseline,
        };
    }

    /// <summary>The chosen risk model: null for the baseline, else the champion (trained and registered first when missing).</summary>
    /// <exception cref="ForecasterException">The choice is neither model.</exception>
    public static async Task<IMarketRiskModel?> ResolveAsync(string choice, Pipeline.IMarketStore store, string registryRoot, Action<string> log, CancellationToken ct)
    {
        if (choice is not (Baseline or Champion)) throw new ForecasterException($"--model: '{choice}' is not a model; use {Baseline} or {Champion}.");
        if (choice == Baseline) return null;
        var registry = new ModelRegistry(registryRoot);
        if (registry.LoadChampion() is null)
        {
            log($"No champion in {registryRoot}: training one on the store's markets.");
            await TrainCommand.TrainAsync(store, registry, log, ct);
        }
        var (model, card) = registry.LoadChampion()
            ?? throw new ForecasterException($"--model {Champion}: no champion in {registryRoot} after training (see 'forecaster models list').");
        log($"Using {card.Name} v{card.Version} ({card.Options.Model.Learner}) for the shortfall probability.");
        return new ChampionRiskModel(model, $"{card.Name} v{card.Version}", shortfallUtilization: card.Options.Definition.ShortfallUtilization,
            horizonHours: (int)card.Options.Definition.Horizon.TotalHours);
    }
}
