using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Modeling.Registry;

namespace Forecaster.Pipeline;

/// <summary>
/// Champion/challenger retraining, shared by <c>forecaster train</c> and the weekly job: fits the early-warning model on
/// every market of the store (its walk-forward backtest fills the card), compares it with the champion on the same hours
/// (<see cref="ChampionComparer"/>: a refresh of the champion's method wins outright, any other method meets the
/// champion's method re-run on today's data), saves it as a new version with that comparison on its card, and promotes
/// it when it wins (<see cref="ModelMetrics.Beats"/>) or when there is no champion yet; the decision either way goes to
/// the registry's promotion log.
/// </summary>
/// <param name="store">The markets to train on.</param>
/// <param name="registry">Where versions are saved.</param>
/// <param name="clock">Stamps the card; the system clock when null.</param>
/// <param name="options">The backtest and model options; the defaults when null.</param>
/// <param name="codeVersion">The code's version for the card; read from the working directory's git when null.</param>
/// <param name="method">
/// An <see cref="EarlyWarningMethods"/> name whose model options replace <paramref name="options"/>' own; when null the
/// card names the catalog method those options equal, if any (the defaults: <see cref="EarlyWarningMethods.DefaultName"/>).
/// </param>
/// <param name="decidedBy">What the promotion log says decided: <c>forecaster train</c> or the weekly job.</param>
public sealed class RetrainingService(
    IMarketStore store, ModelRegistry registry, TimeProvider? clock = null, BacktestOptions? options = null, string? codeVersion = null,
    string? method = null, PromotionDecider decidedBy = PromotionDecider.Train)
{
    /// <summary>Trains, compares, registers and maybe promotes the challenger.</summary>
    public async Task<RetrainingResult> RunAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var (trainOptions, methodName) = Resolve();
        // A corrupt promotion log would refuse the decision at the end: say so before the minutes of training.
        registry.History(ModelRegistry.DefaultName);
        var markets = new List<MarketHistory>();
        foreach (var market in await store.GetMarketsAsync(cancellationToken))
            markets.Add(new MarketHistory(market.Name, await store.GetHoursAsync(market.Name, cancellationToken: cancellationToken)));
        if (markets.Count == 0) throw new ForecasterException("The store has no markets: nothing to train on.");
        var previous = registry.Champion(ModelRegistry.DefaultName);
        var (model, card, backtest) = EarlyWarningTrainer.Train(markets, trainOptions, codeVersion ?? EarlyWarningTrainer.CodeVersion(), clock, progress, cancellationToken);
        if (registry.ChampionToBeat(ModelRegistry.DefaultName) is { } champion)
        {
            var comparison = ChampionComparer.Compare(card, champion, markets, backtest, progress, cancellationToken);
            foreach (var line in ChampionComparisonText.Lines(comparison)) progress?.Report(line);
            card = card with { AgainstChampion = comparison };
        }
        card = card with { Method = methodName };
        card = registry.Save(ModelRegistry.DefaultName, model, card);
        try
        {
            registry.Promote(card.Name, card.Version, decidedBy: decidedBy);
            progress?.Report($"{card.Name} v{card.Version} is now champion");
            return new RetrainingResult(card, previous, card.Version, null);
        }
        catch (ChallengerRejectedException e)
        {
            progress?.Report(e.Message);
            return new RetrainingResult(card, previous, previous, e.Message);
        }
    }

    /// <exception cref="UnknownMethodException">The method is not in the catalog.</exception>
    private (BacktestOptions Options, string? Method) Resolve()
    {
        var backtest = options ?? new BacktestOptions();
        if (method is null) return (backtest, EarlyWarningMethods.NameOf(backtest.Model));
        var named = EarlyWarningMethods.Find(method);
        return (backtest with { Model = named.Options }, named.Name);
    }
}

/// <summary>What a retraining did.</summary>
/// <param name="Challenger">The card of the version just trained and saved; its <see cref="ModelCard.AgainstChampion"/> holds the comparison with the champion, if there was one.</param>
/// <param name="PreviousChampion">The champion version before, or null when there was none.</param>
/// <param name="Champion">The champion version after.</param>
/// <param name="Rejection">Why the challenger was not promoted, or null when it was.</param>
public sealed record RetrainingResult(ModelCard Challenger, int? PreviousChampion, int? Champion, string? Rejection)
{
    /// <summary>True when the challenger became champion.</summary>
    public bool Promoted => Rejection is null;
}
