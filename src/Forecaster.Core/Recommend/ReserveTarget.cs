namespace Forecaster.Recommend;

/// <summary>The liquid buffer a market should hold, and how it was built up.</summary>
/// <param name="Market">Market name.</param>
/// <param name="AsOf">The as-of hour.</param>
/// <param name="Appetite">The risk appetite profile.</param>
/// <param name="Es99Outflow24hUsd">Expected shortfall (99%) of the 24 h deposit outflow, USD.</param>
/// <param name="WorstScenarioOutflowUsd">Withdrawal demand of the worst replayed scenario weighed (see <see cref="ScenarioHorizon"/>) on today's state, USD.</param>
/// <param name="ScenarioWeight">Share of the worst scenario covered: the profile's, raised above the kink (see <see cref="ReserveTargetPolicy"/>), in [0, 1].</param>
/// <param name="Margin">Safety margin on top, as a share (0.1 = 10%).</param>
/// <param name="TargetBufferUsd">max(ES99, weight x worst scenario) x (1 + margin), USD.</param>
/// <param name="AvailableUsd">Available liquidity now, USD.</param>
public sealed record ReserveTarget(
    string Market,
    DateTimeOffset AsOf,
    RiskAppetite Appetite,
    double Es99Outflow24hUsd,
    double WorstScenarioOutflowUsd,
    double ScenarioWeight,
    double Margin,
    double TargetBufferUsd,
    double AvailableUsd)
{
    /// <summary>The profile's share of the worst scenario below the kink (equal to <see cref="ScenarioWeight"/> there).</summary>
    public double ProfileScenarioWeight { get; init; } = ScenarioWeight;

    /// <summary>The rate curve's kink the weight was raised from.</summary>
    public double OptimalUtilization { get; init; } = double.NaN;

    /// <summary>The longest scenario weighed in <see cref="WorstScenarioOutflowUsd"/>.</summary>
    public TimeSpan ScenarioHorizon { get; init; } = TimeSpan.MaxValue;

    /// <summary>The stress its peers carried over (none unless given).</summary>
    public PeerStressReading PeerStress { get; init; } = PeerStressReading.None(AsOf);

    /// <summary>
    /// Whether the peers' stress, not the market's own, raised <see cref="ScenarioWeight"/> (it cannot where the profile
    /// covers the whole worst episode already).
    /// </summary>
    public bool PeerStressBinds => PeerStress.Stress > OwnStress && ProfileScenarioWeight < 1;

    /// <summary>The market's own kink stress (how far its utilization went from the kink towards 100%), 0 when no kink is known.</summary>
    public double OwnStress { get; init; }

    /// <summary>Deposits of the <see cref="LargestHolders"/> largest holders, USD, when the target covers their exit; NaN otherwise.</summary>
    public double LargestHoldersUsd { get; init; } = double.NaN;

    /// <summary>How many of the largest holders the target covers (0 when holders were not known or not asked for).</summary>
    public int LargestHolders { get; init; }

    /// <summary>The target before the largest holders' term (equal to <see cref="TargetBufferUsd"/> without it), USD.</summary>
    public double BufferBeforeHoldersUsd { get; init; } = TargetBufferUsd;

    /// <summary>How much liquidity is missing to reach the target, USD (0 when the market already holds enough).</summary>
    public double GapUsd => Math.Max(TargetBufferUsd - AvailableUsd, 0);
}
