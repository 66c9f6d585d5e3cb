using Forecaster.Flows;

namespace Forecaster.Chain.Aave;

/// <summary>Turns a decoded Pool event into the <see cref="FlowEvent"/> the rest of Forecaster reads.</summary>
public static class PoolFlowMapper
{
    /// <summary>
    /// The flow of an event, in whole tokens of its reserve's market; null for rate updates, which move no balance.
    /// A liquidation is recorded in the collateral's market (the collateral seized is what <c>LiquidationsUsd</c> counts);
    /// its debt side stays in the stored log and is applied by the aggregator.
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
            _ => (FlowKind?)null,
        };
        if (kind is null) return null;
        return new FlowEvent(log.Chain, log.TransactionHash, log.LogIndex, log.Block, log.Timestamp, reserve.MarketName,
            kind.Value, TokenUnits.ToTokens(ev.Amount, reserve.Decimals), ev.Account);
    }
}
