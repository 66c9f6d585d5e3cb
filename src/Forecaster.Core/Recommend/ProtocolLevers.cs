namespace Forecaster.Recommend;

/// <summary>
/// Which parameters a protocol has, so proposals never ask for one it lacks. Borrow and supply caps arrived with Aave v3;
/// Aave v1 and v2 have none (their levers are the rate strategy, the reserve factor, collateral ratios, enabling or
/// disabling borrowing, and freezing).
/// </summary>
public static class ProtocolLevers
{
    /// <summary>
    /// True unless the protocol is known to have no borrow caps (<c>aave-v1</c>, <c>aave-v2</c>); unknown protocols keep
    /// the cap, and the proposal says its current value is unknown.
    /// </summary>
    /// <param name="protocol">The market's protocol, e.g. <c>aave-v2</c> (see <see cref="Markets.Market.Protocol"/>).</param>
    public static bool HasBorrowCaps(string protocol) =>
        protocol.ToLowerInvariant() is not ("aave-v1" or "aave-v2");
}
