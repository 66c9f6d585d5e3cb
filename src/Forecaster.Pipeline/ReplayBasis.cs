using Forecaster.Risk.Liquidity;

namespace Forecaster.Pipeline;

/// <summary>
/// What the replayed buffer rests on: the service's rule (<see cref="Current"/>) or one of the variants measured against it
/// (README, Replay evidence). Each variant's parameters were written down from their meaning before it was measured.
/// </summary>
/// <param name="Name">The name <c>forecaster replay --basis</c> takes.</param>
/// <param name="Risk">Options of the outflow model behind the ES99 term.</param>
/// <param name="DayScenariosOnly">True to weigh only scenarios of 24 h or less (the 72 h outflow is left to the 72 h lead).</param>
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
/// When above 0, the kink ramp runs on max(the market's own stress, this share x the highest stress among its peers at
/// that hour) instead of its own alone. Peers are the other markets of the same peg (every dollar stablecoin with every
/// other; any other asset only with markets of the same asset) that held the eligibility minimum of deposits at their
/// latest hour at or before the assessed one, that hour no more than a day old (an older state says nothing of now).
/// </param>
/// <param name="SizeExponent">
/// When above 0, the worst episodes are taken from each source market on its own, and each one's shocks are scaled by
/// min(1, (source deposits / the market's deposits now)^k) with k this exponent: a relative exit seen on a small market
/// overstates what a larger one sees; an episode from a larger market is never scaled up.
/// </param>
public sealed record ReplayBasis(string Name, OutflowRiskOptions Risk, bool DayScenariosOnly = false, bool EarlyWarning = false, bool LargestHolders = false, int SeasonedScenarioDays = 0,
    double PeerStressShare = 0, double SizeExponent = 0)
{
    // Only buffers are needed, and they rest on filtered historical simulation: the Student-t Monte Carlo beside it
    // (shown in proposals, its own random stream) would cost most of the time and change no number.
    private static readonly OutflowRiskOptions BufferOnly = new() { MonteCarlo = false };

    /// <summary>The service's rule: hourly EWMA (lambda 0.94), every scenario, the profile's share ramped above the kink.</summary>
    public static ReplayBasis Current { get; } = new("current", BufferOnly);

    /// <summary>Every basis, by name.</summary>
    public static IReadOnlyDictionary<string, ReplayBasis> Named { get; } = new[]
    {
        Current,
        // RiskMetrics' 0.94 is a daily decay; carried to hours it is 0.94^(1/24) (half-life 11 days instead of 11 hours).
        new ReplayBasis("daily-decay", BufferOnly with { EwmaLambda = Math.Pow(0.94, 1.0 / 24) }),
        // GARCH(1,1) with variance targeting: the same reaction to the latest hour as the EWMA (0.06) and an excess over the
        // year's level that halves in a day (Aave runs resolve in hours to days as the rate above the kink pulls liquidity back).
        new ReplayBasis("mean-reverting", BufferOnly with { VolatilityPersistence = Math.Pow(0.5, 1.0 / 24) }),
        new ReplayBasis("24h-scenarios", BufferOnly, DayScenariosOnly: true),
        new ReplayBasis("early-warning", BufferOnly, EarlyWarning: true),
        new ReplayBasis("24h-scenarios+early-warning", BufferOnly, DayScenariosOnly: true, EarlyWarning: true),
        // The misses are single large exits from calm markets: whoever holds a large part of the deposits can take it in a day.
        new ReplayBasis("concentration", BufferOnly, LargestHolders: true),
        // A market's first month: deposits come and go with a few early depositors, so its relative moves may overstate
        // what an established market does (three of the worst episodes as of 2021-10-28 came from markets of $15-21M).
        new ReplayBasis("seasoned-scenarios", BufferOnly, SeasonedScenarioDays: 30),
        // Contagion between markets of one peg: dollar stablecoins are near-perfect substitutes on both sides, so when a
        // peer's rate goes above its kink its yield-seeking depositors' money is drawn from here and borrowers move here,
        // within hours (Nov 2024: USDC above its kink while DAI and USDT lost large deposits). The peer's stress counts in
        // full, as the same pressure as this market's own: nothing in that mechanism is weaker one market removed.
        new ReplayBasis("peer-stress", BufferOnly, PeerStressShare: 1),
        // The same, with a peer's stress at half: of the two flows a peer's squeeze sets off here, only the depositors
        // leaving drain liquidity at once (borrowers moving here do so only as far as they pay less here), so one of two.
        new ReplayBasis("peer-stress-half", BufferOnly, PeerStressShare: 0.5),
        // Relative outflows shrink with a market's size: with depositors of the same sizes, a market n times larger has n
        // times as many, and the share of independent exits in an hour varies as 1/sqrt(their number); so a shock from a
        // source of deposits S replayed on deposits D > S is scaled by (S / D)^(1/2). A run on a larger market is kept whole.
        new ReplayBasis("size-aware-scenarios", BufferOnly, SizeExponent: 0.5),
        // Put together after each part was measured on the files (so the files do not test the pairing; the simulated
        // markets do): the buffer weighs the day-scale worst episodes (its ES99 is a 24 h outflow too, and the 72 h outflow
        // is left to the 72 h lead) and its peers' squeeze, the contagion that the day-scale episodes alone miss.
        new ReplayBasis("24h-scenarios+peer-stress", BufferOnly, DayScenariosOnly: true, PeerStressShare: 1),
        new ReplayBasis("24h-scenarios+peer-stress-half", BufferOnly, DayScenariosOnly: true, PeerStressShare: 0.5),
    }.ToDictionary(b => b.Name);
}
