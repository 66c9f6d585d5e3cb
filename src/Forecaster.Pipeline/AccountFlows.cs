using Forecaster.Chain.Aave;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Pipeline;

/// <summary>
/// Account-level flows of some markets, for the replay, proposals and the brief to see who holds each market's deposits: the
/// Supply, Withdraw, aToken-transfer, Repay and Liquidation flows of each market in chain order (block, then log index), with
/// the accounts the chain named. They are read one market at a time, as a holders' pass consumes them
/// (<see cref="SeriesAsync"/>), from a store or another source, never all markets' flows at once.
/// </summary>
public sealed class AccountFlows
{
    /// <summary>The kinds that move or name a holder's deposits (repayments and liquidations may burn them).</summary>
    public static readonly IReadOnlyList<FlowKind> Kinds = [FlowKind.Supply, FlowKind.Withdraw, FlowKind.ATokenTransfer, FlowKind.Repay, FlowKind.Liquidation];

    private readonly Func<string, CancellationToken, IAsyncEnumerable<FlowEvent>> _read;
    private readonly HashSet<string> _markets;

    private AccountFlows(IEnumerable<string> markets, Func<string, CancellationToken, IAsyncEnumerable<FlowEvent>> read)
    {
        _markets = new HashSet<string>(markets, StringComparer.Ordinal);
        _read = read;
    }

    /// <summary>Flows of no market.</summary>
    public static AccountFlows None { get; } = new([], (_, _) => AsyncEnumerable.Empty<FlowEvent>());

    /// <summary>The markets whose holders these flows tell.</summary>
    public IReadOnlyCollection<string> Markets => _markets;

    /// <summary>Whether the holders of <paramref name="market"/> are known.</summary>
    public bool Has(string market) => _markets.Contains(market);

    /// <summary>
    /// One pool's stored logs (e.g. <c>simulated:agents</c>, what <c>simulate --events</c> stored): the markets are listed now,
    /// each market's flows are streamed from <paramref name="store"/> when asked for, so the store must stay open while these are used.
    /// </summary>
    /// <exception cref="ForecasterException">The store holds no logs of that pool.</exception>
    public static async Task<AccountFlows> LoadAsync(IFlowEventStore store, string chain, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sources = (await store.GetAccountFlowSourcesAsync(cancellationToken)).Where(s => s.Chain == chain && s.Source == source).ToList();
        if (sources.Count == 0 && await store.GetCheckpointAsync(chain, source, cancellationToken) is null)
            throw new ForecasterException($"Account-level flows: the store holds no logs of {chain}:{source}.");
        return FromStore(store, sources);
    }

    /// <summary>
    /// Each market's flows from the stored source that holds them (<paramref name="sources"/>, one per market), stamped before
    /// <paramref name="before"/> when it is given: later ones are never read. The store must stay open while these are used.
    /// </summary>
    /// <exception cref="ArgumentException">Two sources are given for one market.</exception>
    public static AccountFlows FromStore(IFlowEventStore store, IEnumerable<AccountFlowSource> sources, DateTimeOffset? before = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        var byMarket = new Dictionary<string, AccountFlowSource>(StringComparer.Ordinal);
        foreach (var source in sources)
            if (!byMarket.TryAdd(source.Market, source))
                throw new ArgumentException($"Two sources of {source.Market}'s flows: {byMarket[source.Market].Pool} and {source.Pool}.", nameof(sources));
        return new AccountFlows(byMarket.Keys, (market, ct) => ReadStored(store, byMarket[market].Chain, byMarket[market].Source, market, before, ct));
    }

    /// <summary>
    /// Flows from any source: <paramref name="read"/> gives a market's events in time order each time it is asked (e.g. from a
    /// list in memory, or by simulating the market again); events of other kinds than <see cref="Kinds"/> are skipped.
    /// </summary>
    public static AccountFlows From(IEnumerable<string> markets, Func<string, IEnumerable<FlowEvent>> read)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(read);
        return new AccountFlows(markets, (market, _) => read(market).Where(e => Kinds.Contains(e.Kind)).ToAsyncEnumerable());
    }

    /// <summary>Flows held in memory, by market.</summary>
    public static AccountFlows From(IReadOnlyDictionary<string, IReadOnlyList<FlowEvent>> byMarket)
    {
        ArgumentNullException.ThrowIfNull(byMarket);
        return From(byMarket.Keys, market => byMarket[market]);
    }

    /// <summary>Who held <paramref name="market"/>'s deposits at each of <paramref name="times"/> (ascending), in one pass over its flows.</summary>
    /// <exception cref="ArgumentException">The market's holders are not known here, or the times are not ascending.</exception>
    /// <exception cref="ForecasterException">A flow breaks a rule of <see cref="DepositorBalances"/>.</exception>
    public Task<IReadOnlyList<DepositorConcentration>> SeriesAsync(string market, IReadOnlyList<DateTimeOffset> times, CancellationToken cancellationToken = default) =>
        DepositorConcentration.SeriesAsync(market, ReadAsync(market, cancellationToken), times, cancellationToken);

    /// <summary><paramref name="market"/>'s flows in chain order, read as they are enumerated.</summary>
    /// <exception cref="ArgumentException">The market's holders are not known here.</exception>
    public IAsyncEnumerable<FlowEvent> ReadAsync(string market, CancellationToken cancellationToken = default) =>
        Has(market) ? _read(market, cancellationToken) : throw new ArgumentException($"No account-level flows of {market} here.", nameof(market));

    /// <summary>
    /// Who holds <paramref name="market"/>'s deposits at the end of the hour <paramref name="asOf"/> (an hour's state is its
    /// end), or null when these flows do not have the market. Proposals and the brief both measure it so.
    /// </summary>
    public async Task<DepositorConcentration?> AtEndOfHourAsync(string market, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        Has(market) ? (await SeriesAsync(market, [HourlyGrid.Floor(asOf) + HourlyGrid.Step], cancellationToken))[0] : null;

    // A stored flow names one account; a transfer's other side, and whose deposits a repayment or liquidation burns, are in
    // its log only, so they are decoded from there.
    private static IAsyncEnumerable<FlowEvent> ReadStored(IFlowEventStore store, string chain, string source, string market, DateTimeOffset? before, CancellationToken cancellationToken) =>
        store.ReadLogsAsync(chain, source, market, Kinds, before, cancellationToken).Select(PoolFlowMapper.WithAccountsFromLog).OfType<FlowEvent>();
}
