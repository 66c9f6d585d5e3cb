using Forecaster.Flows;

namespace Forecaster.Chain.Aave;

/// <summary>Turns a decoded Pool event into the <see cref="FlowEvent"/> the rest of Forecaster reads.</summary>
public static class PoolFlowMapper
{
    private const string Zero = "0x0000000000000000000000000000000000000000";

    /// <summary>
    /// The flow of an event, in whole tokens of its reserve's market; null for rate updates, which move no balance.
    /// A liquidation is recorded in the collateral's market (the collateral seized is what <c>LiquidationsUsd</c> counts);
    /// its debt side stays in the stored log and is applied by the aggregator. An aToken transfer is recorded in its
    /// reserve's market, which is how it is told apart from the pool's logs once stored.
    /// </summary>
    public static FlowEvent? ToFlow(ChainLog log, PoolEvent ev, ReserveInfo reserve)
    {
        var kind = ev.Kind switch
        {
            PoolEventKind.Supply => FlowKind.Supply,
            PoolEventKind.Withdraw => FlowKind.Withdraw,
            PoolEventKind.Borrow => FlowKind.Borrow,
            PoolEventKind.Repay => FlowKind.Repay,
            PoolEventKind.LiquidationCall => FlowKind.Liquidation,
            PoolEventKind.FlashLoan => FlowKind.FlashLoan,
            PoolEventKind.ATokenTransfer => FlowKind.ATokenTransfer,
            _ => (FlowKind?)null,
        };
        if (kind is null) return null;
        return new FlowEvent(log.Chain, log.TransactionHash, log.LogIndex, log.Block, log.Timestamp, reserve.MarketName,
            kind.Value, TokenUnits.ToTokens(ev.Amount, reserve.Decimals), ev.Kind == PoolEventKind.ATokenTransfer && ev.Account == Zero ? ev.Counterparty : ev.Account);
    }
}
