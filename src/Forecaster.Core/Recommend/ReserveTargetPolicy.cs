using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Recommend;

/// <summary>
/// Sets a market's target liquid buffer from its liquidity risk and the worst replayed scenarios:
/// max(ES99 of the 24 h outflow, weight x the worst withdrawal demand on today's state among the scenarios of
/// <see cref="ScenarioHorizon"/> or less) x (1 + margin), never more than the deposits themselves. The profiles' weights and margins were set once, from their meaning (cover the
/// worst episode in full; a quarter of it; a tenth of it), not fitted to the replay.
/// </summary>
/// <remarks>
/// The weight is the profile's below the rate curve's kink and rises linearly to 1 (the whole worst episode) as utilization
/// goes from the kink to 100%: weight + (1 - weight) x (u - kink) / (1 - kink). Why: a profile discounts the worst episode
/// because a market rarely stands where such runs start; above the kink it does stand there (its own curve prices liquidity
/// as scarce, a few withdrawals can leave depositors unable to exit, and the agent-based ES99 climbs steeply from 95% to 99%
/// utilization), so the discount shrinks with how far into the steep segment it has gone. No parameter of this rule was
/// fitted: the kink is the market's own (estimated from its rates where possible) and the end points are the profile's
/// weight and full cover. The ramp runs on the larger of the market's own stress and its peers' (<see cref="PeerStress"/>):
/// a peer of the same peg above its kink draws liquidity from here within hours.
/// Only day-scale scenarios are weighed: the ES99 term is a 24 h outflow too, and a slower run is what the 72 h lead of
/// the early warning is for (README, Replay evidence: measured on the files, 93.6% of episodes covered 24 h ahead at a
/// 19.9% average buffer, where every scenario with the market's own stress alone covered 89.4% at 20.4%).
/// </remarks>
/// <param name="ScenarioWeight">Share of the worst scenario covered below the kink, in [0, 1].</param>
/// <param name="Margin">Safety margin, in [0, 1].</param>
public sealed record ReserveTargetPolicy(double ScenarioWeight, double Margin)
{
    /// <summary>The policy of a risk appetite profile.</summary>
    public static ReserveTargetPolicy For(RiskAppetite appetite) => appetite switch
    {
        RiskAppetite.Conservative => new(1.0, 0.25) { FullCoverProbability = 0.20, LargestHolders = 5 },
        RiskAppetite.Moderate => new(0.25, 0.10) { FullCoverProbability = 0.35, LargestHolders = 2 },
        RiskAppetite.Aggressive => new(0.10, 0.05) { FullCoverProbability = 0.50, LargestHolders = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(appetite), appetite, "Unknown risk appetite."),
    };

    /// <summary>How far utilization has gone from the kink towards 100%, in [0, 1] (0 at or below the kink).</summary>
    /// <param name="utilization">Utilization now.</param>
    /// <param name="optimalUtilization">The rate curve's kink, in (0, 1).</param>
    public static double UtilizationStress(double utilization, double optimalUtilization)
    {
        if (optimalUtilization is <= 0 or >= 1 || double.IsNaN(optimalUtilization))
            throw new ArgumentOutOfRangeException(nameof(optimalUtilization), optimalUtilization, "The kink must be in (0, 1).");
        return double.IsFinite(utilization) ? Math.Clamp((utilization - optimalUtilization) / (1 - optimalUtilization), 0, 1) : 0;
    }

    /// <summary>The longest scenario the target weighs (24 h for every profile); longer ones are shown in proposals, not weighed.</summary>
    public TimeSpan ScenarioHorizon { get; init; } = DayScale;

    /// <summary>The service's <see cref="ScenarioHorizon"/>: a day, the horizon of the ES99 term.</summary>
    public static readonly TimeSpan DayScale = TimeSpan.FromHours(24);

    /// <summary>Whether a target of scenario horizon <paramref name="horizon"/> weighs <paramref name="scenario"/> (its horizon is at most that).</summary>
    public static bool Weighs(StressScenario scenario, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Horizon <= horizon;
    }

    /// <summary>Shortfall probability (24 h) at which the whole worst episode is covered (the profile's circuit-breaker level).</summary>
    public double FullCoverProbability { get; init; } = 0.35;

    /// <summary>
    /// How many of the largest depositors' full exit within a day the <c>concentration</c> replay basis covers, set from
    /// what each profile means before it was measured: conservative, the five largest together (the whole top tier runs at
    /// once, as it covers the worst episode in full); moderate, the two largest (one large exit and the peer it sets off);
    /// aggressive, the largest alone (the single large exit from a calm market that the other terms miss).
    /// </summary>
    public int LargestHolders { get; init; } = 1;

    /// <summary>
    /// The target raised, where needed, to cover the <see cref="LargestHolders"/> largest depositors leaving in full:
    /// max(the target, their deposits x (1 + margin)), never more than the deposits. Their deposits are their share of the
    /// balances the events explain times the market's deposits now.
    /// </summary>
    /// <param name="target">The target from <see cref="Compute"/>.</param>
    /// <param name="holders">Who held the deposits at the target's as-of time.</param>
    /// <param name="depositsUsd">The market's deposits then, USD.</param>
    public ReserveTarget CoverLargestHolders(ReserveTarget target, DepositorConcentration holders, double depositsUsd)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(holders);
        var largest = holders.TopShare(LargestHolders) * depositsUsd;
        return target with
        {
            TargetBufferUsd = Math.Min(Math.Max(target.TargetBufferUsd, largest * (1 + Margin)), depositsUsd),
            LargestHoldersUsd = largest,
            LargestHolders = LargestHolders,
            BufferBeforeHoldersUsd = target.TargetBufferUsd,
        };
    }

    /// <summary>The target for a market given its liquidity risk report, the scenarios to replay on it and its rate curve's kink.</summary>
    /// <remarks>
    /// With a shortfall probability (the replay's <c>early-warning</c> basis; the service passes none), the share of the worst
    /// episode is max(the kink ramp from 0, p / <see cref="FullCoverProbability"/>) instead of starting from the profile's
    /// constant share: all of it where the profile would pause borrows, pro rata below. Measured, not adopted (README).
    /// </remarks>
    /// <param name="report">The market's liquidity risk.</param>
    /// <param name="scenarios">Worst real episodes to replay on it; those longer than <see cref="ScenarioHorizon"/> are not weighed.</param>
    /// <param name="appetite">The profile (recorded in the target).</param>
    /// <param name="optimalUtilization">The rate curve's kink, in (0, 1).</param>
    /// <param name="shortfallProbability24h">Early-warning probability of a shortfall within 24 h; NaN for the profile's rule.</param>
    /// <param name="peerStress">
    /// Stress carried over from peer markets at the report's hour (<see cref="PeerStress.At"/>), null for none: the ramp runs
    /// on the larger of it and the market's own stress.
    /// </param>
    public ReserveTarget Compute(LiquidityRiskReport report, IReadOnlyList<StressScenario> scenarios, RiskAppetite appetite, double optimalUtilization, double shortfallProbability24h = double.NaN,
        PeerStressReading? peerStress = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scenarios);
        var peers = peerStress ?? PeerStressReading.None(report.AsOf);
        if (peers.Stress is < 0 or > 1 || double.IsNaN(peers.Stress))
            throw new ArgumentOutOfRangeException(nameof(peerStress), peers.Stress, $"Peer stress of {report.Market.Name} must be in [0, 1].");
        if (peers.At != report.AsOf)
            throw new ArgumentException($"The peer stress of {report.Market.Name} was read for {peers.At:u}, its assessment is of {report.AsOf:u}.", nameof(peerStress));
        var own = UtilizationStress(report.Current.Utilization, optimalUtilization);
        var stress = Math.Max(own, peers.Stress);
        var weight = double.IsFinite(shortfallProbability24h)
            ? Math.Max(stress, Math.Min(1, shortfallProbability24h / FullCoverProbability))
            : ScenarioWeight + (1 - ScenarioWeight) * stress;
        var worst = scenarios.Where(s => Weighs(s, ScenarioHorizon)).Select(s => StressTester.Apply(report.Current, s).WithdrawalDemandUsd).DefaultIfEmpty(0).Max();
        var target = Math.Min(Math.Max(report.Es99Outflow24hUsd, weight * worst) * (1 + Margin), report.Current.SuppliedUsd);
        return new ReserveTarget(report.Market.Name, report.AsOf, appetite, report.Es99Outflow24hUsd, worst, weight, Margin,
            target, Math.Max(report.Current.AvailableLiquidityUsd, 0))
        {
            ProfileScenarioWeight = ScenarioWeight,
            OptimalUtilization = optimalUtilization,
            ScenarioHorizon = ScenarioHorizon,
            PeerStress = peers,
            OwnStress = own,
        };
    }
}
