using System.Collections.Concurrent;
using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Stress;

namespace Forecaster.Pipeline;

/// <summary>
/// The stress a market's peers carry over to it at an hour (the replay's <c>peer-stress</c> bases, see
/// <see cref="ReplayBasis.PeerStressShare"/>): the share times the highest kink stress among the other markets of the same
/// peg, each read at its latest hour at or before the assessed one (no later hour is read).
/// </summary>
internal sealed class PeerStress(IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, double share)
{
    // A peer's state older than this says nothing of its rate now.
    private static readonly TimeSpan MaximumAge = TimeSpan.FromDays(1);

    // Each market's stress at each of its hours asked about: every market of a peg is a peer of every other at the same hours.
    private readonly ConcurrentDictionary<(string Market, DateTimeOffset Hour), double> _stress = new();

    /// <summary>The stress carried over to <paramref name="market"/> at <paramref name="at"/>, in [0, share].</summary>
    public double At(Market market, DateTimeOffset at) =>
        share * histories.Where(h => h.Market.Name != market.Name && Peg(h.Market.Asset) == Peg(market.Asset))
            .Select(h => StressAt(h.Market, h.Hours, at)).DefaultIfEmpty(0).Max();

    // Every dollar stablecoin shares one peg; any other asset only its own.
    private static string Peg(string asset) => MarketParameters.IsStablecoin(asset) ? "USD" : asset.ToUpperInvariant();

    private double StressAt(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset at)
    {
        var index = HourlyGrid.LastAtOrBefore(hours, at);
        if (index < 0) return 0;
        var hour = hours[index];
        // A peer too small for its moves to mean anything (the replay's scenarios ignore it too) or not seen lately is no evidence.
        if (at - hour.Hour > MaximumAge || hour.SuppliedUsd < StressTester.MinimumDepositsUsd) return 0;
        return _stress.GetOrAdd((market.Name, hour.Hour), _ =>
            ReserveTargetPolicy.UtilizationStress(hour.Utilization, MarketParameters.AsOf(market.Asset, hours, hour.Hour).OptimalUtilization));
    }
}
