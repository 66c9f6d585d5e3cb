using Forecaster.Chain.Aave;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Pipeline;

/// <summary>Account-level flows read from a chain, for the replay and proposals to see who holds each market's deposits.</summary>
public static class AccountFlows
{
    /// <summary>
    /// The Supply, Withdraw and aToken-transfer flows decoded from one pool's stored logs, by the market they belong to, in
    /// chain order (block, then log index), with the accounts the chain named. A transfer carries both sides (sender and
    /// <see cref="FlowEvent.Counterparty"/>), decoded again from its stored log, so holder-to-holder transfers move balances.
    /// </summary>
    /// <exception cref="ForecasterException">The store holds no logs of that pool.</exception>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<FlowEvent>>> LoadAsync(IFlowEventStore store, string chain, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var logs = await store.GetLogsAsync(chain, source, cancellationToken);
        if (logs.Count == 0) throw new ForecasterException($"Account-level flows: the store holds no logs of {chain}:{source}.");
        return logs.Select(PoolFlowMapper.WithTransferSides).OfType<FlowEvent>()
            .Where(f => f.Kind is FlowKind.Supply or FlowKind.Withdraw or FlowKind.ATokenTransfer)
            .GroupBy(f => f.Market, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FlowEvent>)g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Who holds <paramref name="market"/>'s deposits at the end of the hour <paramref name="asOf"/> (an hour's state is its
    /// end), or null when <paramref name="flows"/> has none of its events. Proposals and the brief both measure it so.
    /// </summary>
    public static DepositorConcentration? ConcentrationAt(IReadOnlyDictionary<string, IReadOnlyList<FlowEvent>> flows, string market, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return flows.TryGetValue(market, out var events) ? DepositorConcentration.At(market, events, asOf + HourlyGrid.Step) : null;
    }
}
