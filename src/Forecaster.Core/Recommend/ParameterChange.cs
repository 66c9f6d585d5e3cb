namespace Forecaster.Recommend;

/// <summary>One recommended parameter change, bounded, with the reasoning a governance reader needs.</summary>
/// <param name="Market">Market name.</param>
/// <param name="Parameter">Parameter name (<c>borrowCap</c>, <c>reserveFactor</c>, <c>slope2</c>, <c>treasuryReserveUsd</c>, <c>borrowingPaused</c>).</param>
/// <param name="Current">Value now.</param>
/// <param name="Recommended">Value proposed, within the bound.</param>
/// <param name="Requested">Value the analysis asked for before the bound.</param>
/// <param name="Bound">The bound in words, and why it bit if it did.</param>
/// <param name="Rationale">Why, with the numbers.</param>
/// <param name="ExpectedEffect">What it should do to available liquidity or shortfall probability.</param>
public sealed record ParameterChange(string Market, string Parameter, double Current, double Recommended, double Requested, string Bound, string Rationale, string ExpectedEffect)
{
    /// <summary>
    /// Updates at the per-update bound from the current value to <see cref="Requested"/> (1 when this change gets there),
    /// or null when no relative path exists (see <see cref="ParameterBound.UpdatesToReach"/>).
    /// </summary>
    public int? UpdatesToRequested { get; init; }

    /// <summary>The least time those updates take: the bound's minimum delay between each two of them.</summary>
    public TimeSpan? TimeToRequested { get; init; }
}
