using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Stress;

namespace Forecaster.Pipeline;

/// <summary>
/// Every market's whole stored history up to one hour, read once, with the worst-episode index built from it: what both
/// the proposals' worst episodes (<see cref="WorstEpisodes"/>, <see cref="StressTester.FindWorst"/>'s answer at that
/// hour) and their track record's replay (<see cref="ReplayService.RunUpToAsync(HistoriesUpTo, Recommend.RiskAppetite, CancellationToken)"/>)
/// read, so a run reads the store's history once, not once for each.
/// </summary>
public sealed class HistoriesUpTo
{
    private HistoriesUpTo(DateTimeOffset upTo, List<(Market Market, IReadOnlyList<MarketHour> Hours)> markets)
    {
        UpTo = upTo;
        Markets = markets;
        Worst = WorstScenarioIndex.Build(markets);
    }

    /// <summary>The last hour read (inclusive).</summary>
    public DateTimeOffset UpTo { get; }

    /// <summary>Each market (in the store's order) and its hours up to <see cref="UpTo"/>, in time order.</summary>
    public IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> Markets { get; }

    /// <summary>The worst episodes as of every hour of these histories.</summary>
    public WorstScenarioIndex Worst { get; }

    /// <summary>The worst episode of each kind over every market up to <see cref="UpTo"/>.</summary>
    public IReadOnlyList<StressScenario> WorstEpisodes => Worst.AsOf(UpTo);

    /// <summary>
    /// The worst episodes and every market's peer stress at its latest hour up to <see cref="UpTo"/>: the same
    /// <see cref="PeerStress"/> over the same hours as the replay's, so the proposal's target is the replay's.
    /// </summary>
    public SharedStress Shared()
    {
        var peers = new PeerStress(Markets);
        var readings = new Dictionary<string, PeerStressReading>(StringComparer.Ordinal);
        foreach (var (market, hours) in Markets)
            if (HourlyGrid.LastAtOrBefore(hours, UpTo) is var index and >= 0)
                readings[market.Name] = peers.At(market, hours[index].Hour);
        return new SharedStress(WorstEpisodes, readings);
    }

    /// <summary>Reads <paramref name="markets"/>' hours up to <paramref name="upTo"/> from <paramref name="store"/>.</summary>
    public static async Task<HistoriesUpTo> ReadAsync(IMarketStore store, IReadOnlyList<Market> markets, DateTimeOffset upTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(markets);
        var histories = new List<(Market Market, IReadOnlyList<MarketHour> Hours)>();
        foreach (var market in markets)
            histories.Add((market, await store.GetHoursAsync(market.Name, to: upTo, cancellationToken: cancellationToken)));
        return new HistoriesUpTo(upTo, histories);
    }

    /// <summary>Reads every market of <paramref name="store"/> up to <paramref name="upTo"/>.</summary>
    public static async Task<HistoriesUpTo> ReadAsync(IMarketStore store, DateTimeOffset upTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await ReadAsync(store, await store.GetMarketsAsync(cancellationToken), upTo, cancellationToken);
    }

    /// <summary>Each market's hours from <paramref name="from"/> on (inclusive), as the store returns that window.</summary>
    public List<(Market Market, IReadOnlyList<MarketHour> Hours)> Since(DateTimeOffset from) =>
        Markets.Select(m => (m.Market, (IReadOnlyList<MarketHour>)m.Hours.SkipWhile(h => h.Hour < from).ToList())).ToList();
}
