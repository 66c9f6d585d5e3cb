using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Modeling.Registry;

namespace Forecaster.Pipeline;

/// <summary>
/// Compares a registered version with the champion on the same hours, for <c>forecaster models promote --store</c>:
/// reads from the store the markets and data window on the version's card (the data its backtest used), re-runs both
/// methods walk-forward there (<see cref="ChampionComparer"/>), and returns the comparison for
/// <see cref="ModelRegistry.Promote"/>. A refresh of the champion's method needs no data and re-runs nothing.
/// </summary>
public sealed class ChallengerComparisonService(IMarketStore store, ModelRegistry registry)
{
    /// <summary>The comparison of <paramref name="name"/> v<paramref name="version"/> with the champion, or null when there is no champion to beat.</summary>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ForecasterException">The store lacks a market the version was trained on.</exception>
    public async Task<ChampionComparison?> CompareAsync(string name, int version, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var challenger = registry.ReadCard(name, version);
        if (registry.ChampionToBeat(name) is not { } champion || champion.Version == version) return null;
        var markets = ChampionComparer.IsSameMethod(challenger, champion) ? null : await ReadWindowAsync(challenger, cancellationToken);
        var comparison = ChampionComparer.Compare(challenger, champion, markets, null, progress, cancellationToken);
        // The card's figures came from this window when it was trained; if the re-run differs, the store has changed since.
        if (comparison.Basis == ComparisonBasis.SameHours && comparison.Challenger.AucPr != challenger.Metrics.AucPr)
            progress?.Report($"note: re-run on the store, {name} v{version} scores AUC-PR {comparison.Challenger.AucPr:0.###} where its card says {challenger.Metrics.AucPr:0.###}: the store's hours in its window are not those it was trained on; both sides use the store's");
        return comparison;
    }

    private async Task<IReadOnlyList<MarketHistory>> ReadWindowAsync(ModelCard card, CancellationToken cancellationToken)
    {
        var known = (await store.GetMarketsAsync(cancellationToken)).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var markets = new List<MarketHistory>();
        foreach (var market in card.Markets)
        {
            if (!known.Contains(market))
                throw new ForecasterException($"The store has no market '{market}', which {card.Name} v{card.Version} was trained on: it cannot re-run the comparison on that version's data.");
            markets.Add(new MarketHistory(market, await store.GetHoursAsync(market, card.DataFrom, card.DataTo, cancellationToken)));
        }
        return markets;
    }
}
