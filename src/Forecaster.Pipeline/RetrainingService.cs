using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Modeling.Registry;

namespace Forecaster.Pipeline;

/// <summary>
/// Champion/challenger retraining, shared by <c>forecaster train</c> and the weekly job: fits the early-warning model on
/// every market of the store (its walk-forward backtest fills the card), saves it as a new version, and promotes it only
/// when its backtest beats the champion's (<see cref="ModelMetrics.Beats"/>), or when there is no champion yet.
/// </summary>
public sealed class RetrainingService(IMarketStore store, ModelRegistry registry, TimeProvider? clock = null)
{
    /// <summary>Trains, registers and maybe promotes the challenger.</summary>
    public async Task<RetrainingResult> RunAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var markets = new List<MarketHistory>();
        foreach (var market in await store.GetMarketsAsync(cancellationToken))
            markets.Add(new MarketHistory(market.Name, await store.GetHoursAsync(market.Name, cancellationToken: cancellationToken)));
        if (markets.Count == 0) throw new ForecasterException("The store has no markets: nothing to train on.");
        var previous = registry.Champion(ModelRegistry.DefaultName);
        var (model, card, _) = EarlyWarningTrainer.Train(markets, new BacktestOptions(), EarlyWarningTrainer.CodeVersion(), clock, progress, cancellationToken);
        card = registry.Save(ModelRegistry.DefaultName, model, card);
        try
        {
            registry.Promote(card.Name, card.Version);
            progress?.Report($"{card.Name} v{card.Version} is now champion");
            return new RetrainingResult(card, previous, card.Version, null);
        }
        catch (ChallengerRejectedException e)
        {
            progress?.Report(e.Message);
            return new RetrainingResult(card, previous, previous, e.Message);
        }
    }
}

/// <summary>What a retraining did.</summary>
/// <param name="Challenger">The card of the version just trained and saved.</param>
/// <param name="PreviousChampion">The champion version before, or null when there was none.</param>
/// <param name="Champion">The champion version after.</param>
/// <param name="Rejection">Why the challenger was not promoted, or null when it was.</param>
public sealed record RetrainingResult(ModelCard Challenger, int? PreviousChampion, int? Champion, string? Rejection)
{
    /// <summary>True when the challenger became champion.</summary>
    public bool Promoted => Rejection is null;
}
