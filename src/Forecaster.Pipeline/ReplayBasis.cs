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
public sealed record ReplayBasis(string Name, OutflowRiskOptions Risk, bool DayScenariosOnly = false, bool EarlyWarning = false, bool LargestHolders = false, int SeasonedScenarioDays = 0)
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
    }.ToDictionary(b => b.Name);
}
