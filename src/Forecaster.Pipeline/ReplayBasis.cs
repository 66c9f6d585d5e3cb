using Forecaster.Risk.Liquidity;

namespace Forecaster.Pipeline;

/// <summary>
/// What the replayed buffer rests on: the service's rule (<see cref="Current"/>) or one of the variants measured against it
/// (README, Replay evidence). Each variant's parameters were written down from their meaning before it was measured.
/// </summary>
/// <param name="Name">The name <c>forecaster replay --basis</c> takes.</param>
/// <param name="Risk">Options of the outflow model behind the ES99 term.</param>
/// <param name="AllScenarios">
/// True to weigh every scenario, 72 h ones too (the service's rule before issue 5's change), instead of those of 24 h or
/// less (<see cref="Recommend.ReserveTargetPolicy.ScenarioHorizon"/>).
/// </param>
/// <param name="EarlyWarning">
/// True to weigh the worst scenario by the early-warning model's shortfall probability (24 h), fit walk-forward on data
/// before each hour only, instead of the profile's constant share below the kink.
/// </param>
/// <param name="LargestHolders">
/// True to cover, where a market's account-level flows are known, its largest depositors leaving in full (how many: the
/// profile's <see cref="Recommend.ReserveTargetPolicy.LargestHolders"/>; see
/// <see cref="Recommend.ReserveTargetPolicy.CoverLargestHolders"/>). Markets without them keep the service's rule, and the
/// result lists which markets had holders.
/// </param>
/// <param name="SeasonedScenarioDays">
/// When above 0, worst episodes are taken only from a market's hours at least this many days after it first held the
/// eligibility minimum of deposits: a young market's moves come from a few early depositors.
/// </param>
/// <param name="PeerStressShare">
/// The share of the highest stress among the market's peers that its kink ramp runs on when above its own
/// (<see cref="Recommend.PeerStress"/>): 1 in the service's rule, 0 for the market's own stress alone.
/// </param>
/// <param name="SizeExponent">
/// When above 0, the worst episodes are taken from each source market on its own, and each one's shocks are scaled by
/// min(1, (source deposits / the market's deposits now)^k) with k this exponent: a relative exit seen on a small market
/// overstates what a larger one sees; an episode from a larger market is never scaled up.
/// </param>
public sealed record ReplayBasis(string Name, OutflowRiskOptions Risk, bool AllScenarios = false, bool EarlyWarning = false, bool LargestHolders = false, int SeasonedScenarioDays = 0,
    double PeerStressShare = Recommend.PeerStress.ServiceShare, double SizeExponent = 0)
{
    // Only buffers are needed, and they rest on filtered historical simulation: the Student-t Monte Carlo beside it
    // (shown in proposals, its own random stream) would cost most of the time and change no number.
    private static readonly OutflowRiskOptions BufferOnly = new() { MonteCarlo = false };

    /// <summary>
    /// The service's rule: hourly EWMA (lambda 0.94), the scenarios of 24 h or less, the profile's share ramped above the kink
    /// of the market or, when higher, of its most stressed peer (<see cref="Recommend.ReserveTargetPolicy"/>).
    /// </summary>
    public static ReplayBasis Current { get; } = new("current", BufferOnly);

    // The service's rule until issue 5's change (every scenario, the market's own stress alone): the variants measured
    // against it keep their meaning by changing it, not the rule that replaced it.
    private static readonly ReplayBasis AllScenariosOwnStress = new("all-scenarios", BufferOnly, AllScenarios: true, PeerStressShare: 0);

    /// <summary>Every basis, by name.</summary>
    public static IReadOnlyDictionary<string, ReplayBasis> Named { get; } = new[]
    {
        Current,
        AllScenariosOwnStress,
        // RiskMetrics' 0.94 is a daily decay; carried to hours it is 0.94^(1/24) (half-life 11 days instead of 11 hours).
        AllScenariosOwnStress with { Name = "daily-decay", Risk = BufferOnly with { EwmaLambda = Math.Pow(0.94, 1.0 / 24) } },
        // GARCH(1,1) with variance targeting: the same reaction to the latest hour as the EWMA (0.06) and an excess over the
        // year's level that halves in a day (Aave runs resolve in hours to days as the rate above the kink pulls liquidity back).
        AllScenariosOwnStress with { Name = "mean-reverting", Risk = BufferOnly with { VolatilityPersistence = Math.Pow(0.5, 1.0 / 24) } },
        AllScenariosOwnStress with { Name = "24h-scenarios", AllScenarios = false },
        AllScenariosOwnStress with { Name = "early-warning", EarlyWarning = true },
        AllScenariosOwnStress with { Name = "24h-scenarios+early-warning", AllScenarios = false, EarlyWarning = true },
        // The misses are single large exits from calm markets: whoever holds a large part of the deposits can take it in a day.
        AllScenariosOwnStress with { Name = "concentration", LargestHolders = true },
        // A market's first month: deposits come and go with a few early depositors, so its relative moves may overstate
        // what an established market does (three of the worst episodes as of 2021-10-28 came from markets of $15-21M).
        AllScenariosOwnStress with { Name = "seasoned-scenarios", SeasonedScenarioDays = 30 },
        // Contagion between markets of one peg (Recommend.PeerStress): the peer's stress counts in full, as the same pressure
        // as this market's own: nothing in that mechanism is weaker one market removed.
        AllScenariosOwnStress with { Name = "peer-stress", PeerStressShare = 1 },
        // The same, with a peer's stress at half: of the two flows a peer's squeeze sets off here, only the depositors
        // leaving drain liquidity at once (borrowers moving here do so only as far as they pay less here), so one of two.
        AllScenariosOwnStress with { Name = "peer-stress-half", PeerStressShare = 0.5 },
        // Relative outflows shrink with a market's size: with depositors of the same sizes, a market n times larger has n
        // times as many, and the share of independent exits in an hour varies as 1/sqrt(their number); so a shock from a
        // source of deposits S replayed on deposits D > S is scaled by (S / D)^(1/2). A run on a larger market is kept whole.
        AllScenariosOwnStress with { Name = "size-aware-scenarios", SizeExponent = 0.5 },
        // The pairing measured before it became the service's rule (issue 5): the same rule as current under its old name,
        // so the README's variants table stays reproducible by name.
        Current with { Name = "24h-scenarios+peer-stress" },
        Current with { Name = "24h-scenarios+peer-stress-half", PeerStressShare = 0.5 },
    }.ToDictionary(b => b.Name);
}
