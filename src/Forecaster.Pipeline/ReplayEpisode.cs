using Forecaster.Recommend;

namespace Forecaster.Pipeline;

/// <summary>One real shortfall episode and what Forecaster would have recommended before it.</summary>
/// <param name="Market">The market.</param>
/// <param name="Start">The episode's first shortfall hour.</param>
/// <param name="HoursBefore">How long before the start the recommendation was made (24 or 72).</param>
/// <param name="DepositsUsd">Deposits at the time of the recommendation, USD.</param>
/// <param name="RecommendedBufferUsd">The target buffer recommended then, using data up to then only, USD.</param>
/// <param name="RealizedOutflowUsd">Largest fall of deposits from then until the episode's start (in tokens where known, valued at the price then), USD.</param>
public sealed record ReplayEpisode(string Market, DateTimeOffset Start, int HoursBefore, double DepositsUsd, double RecommendedBufferUsd, double RealizedOutflowUsd)
{
    /// <summary>Utilization at the time of the recommendation.</summary>
    public double Utilization { get; init; } = double.NaN;

    /// <summary>The rate curve's kink the recommendation used (estimated from the market's rates then, or assumed).</summary>
    public double OptimalUtilization { get; init; } = double.NaN;

    /// <summary>How the buffer was built (which term bound), null for episodes built by hand.</summary>
    public ReserveTarget? Target { get; init; }

    /// <summary>True when the buffer would have met the outflow.</summary>
    public bool Covered => RecommendedBufferUsd >= RealizedOutflowUsd;

    /// <summary>True when the flat rule's buffer (<see cref="ReplayResult.FlatRuleShare"/> of deposits) would have met it.</summary>
    public bool FlatRuleCovered => ReplayResult.FlatRuleShare * DepositsUsd >= RealizedOutflowUsd;

    /// <summary>The buffer as a share of deposits (to compare with a flat "hold 20% liquid" rule).</summary>
    public double BufferShareOfDeposits => DepositsUsd > 0 ? RecommendedBufferUsd / DepositsUsd : 0;
}
