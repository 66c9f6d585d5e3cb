using System.Collections.Concurrent;
using Forecaster.Markets;
using Forecaster.Risk.Stress;

namespace Forecaster.Recommend;

/// <summary>
/// The stress a market's peers carry over to it at an hour (see <see cref="ReserveTargetPolicy.Compute"/>): the share
/// times the highest kink stress among the other markets of the same peg (every dollar stablecoin with every other; any
/// other asset only with markets of the same asset) that held the eligibility minimum of deposits at their latest hour at
/// or before the assessed one, that hour no more than a day old. No later hour is read.
/// </summary>
/// <remarks>
/// Why: dollar stablecoins are near-perfect substitutes on both sides, so when a peer's rate goes above its kink its
/// yield-seeking depositors' money is drawn from here and borrowers move here, within hours (Nov 2024: USDC above its kink
/// while DAI and USDT lost large deposits). The service counts a peer's stress in full (<see cref="ServiceShare"/>).
/// </remarks>
/// <param name="histories">Every market the service sees and its hours, each in time order.</param>
/// <param name="share">The share of a peer's stress carried over, in (0, 1].</param>
public sealed class PeerStress(IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> histories, double share = PeerStress.ServiceShare)
{
    /// <summary>The share of a peer's stress the service's rule carries over: all of it, the same pressure as the market's own.</summary>
    public const double ServiceShare = 1;

    // A peer's state older than this says nothing of its rate now.
    private static readonly TimeSpan MaximumAge = TimeSpan.FromDays(1);

    // Each market's stress at each of its hours asked about: every market of a peg is a peer of every other at the same hours.
    private readonly ConcurrentDictionary<(string Market, DateTimeOffset Hour), PeerStressReading> _stress = new();

    /// <summary>The stress carried over to <paramref name="market"/> at <paramref name="at"/>, from its most stressed peer (the first by name on a tie).</summary>
    public PeerStressReading At(Market market, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(market);
        var worst = histories.Where(h => h.Market.Name != market.Name && Peg(h.Market.Asset) == Peg(market.Asset))
            .Select(h => StressAt(h.Market, h.Hours, at)).Where(r => r is not null && r.Stress > 0)
            .OrderByDescending(r => r!.Stress).ThenBy(r => r!.Peer, StringComparer.Ordinal).FirstOrDefault();
        return worst is null ? PeerStressReading.None(at) : worst with { At = at, Stress = share * worst.Stress };
    }

    // Every dollar stablecoin shares one peg; any other asset only its own.
    private static string Peg(string asset) => MarketParameters.IsStablecoin(asset) ? "USD" : asset.ToUpperInvariant();

    private PeerStressReading? StressAt(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset at)
    {
        var index = HourlyGrid.LastAtOrBefore(hours, at);
        if (index < 0) return null;
        var hour = hours[index];
        // A peer too small for its moves to mean anything (the scenarios ignore it too) or not seen lately is no evidence.
        if (at - hour.Hour > MaximumAge || hour.SuppliedUsd < StressTester.MinimumDepositsUsd) return null;
        return _stress.GetOrAdd((market.Name, hour.Hour), _ =>
        {
            var kink = MarketParameters.AsOf(market.Asset, hours, hour.Hour).OptimalUtilization;
            return new PeerStressReading(hour.Hour, ReserveTargetPolicy.UtilizationStress(hour.Utilization, kink), market.Name, hour.Hour, hour.Utilization, kink);
        });
    }
}
