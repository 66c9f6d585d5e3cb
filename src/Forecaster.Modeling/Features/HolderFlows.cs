using Forecaster.Flows;

namespace Forecaster.Modeling.Features;

/// <summary>
/// A market's account-level deposit flows, from which the holder-concentration features learn who holds the deposits.
/// Known for chain-ingested pools and the agent simulator; not for snapshot files (those features are then NaN).
/// </summary>
/// <param name="Events">Supply and Withdraw events (other kinds are counted but move no balance) in time order.</param>
/// <param name="TokenDecimals">
/// The asset's decimals, to value a holder's whole tokens at the hour's price (USD deposits over
/// <see cref="Markets.MarketHour.SuppliedTokens"/>, which counts raw units); null when the amounts are already USD (the simulator).
/// </param>
public sealed record HolderFlows(IReadOnlyList<FlowEvent> Events, int? TokenDecimals = null)
{
    /// <summary>USD per whole token at one hour: NaN when the hour does not know its token balance.</summary>
    internal double UsdPerUnit(in Markets.MarketHour hour)
    {
        if (TokenDecimals is not { } decimals) return 1;
        var tokens = hour.SuppliedTokens / Math.Pow(10, decimals);
        return tokens > 0 && double.IsFinite(tokens) ? hour.SuppliedUsd / tokens : double.NaN;
    }
}
