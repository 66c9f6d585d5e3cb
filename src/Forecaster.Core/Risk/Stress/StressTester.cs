using Forecaster.Markets;

namespace Forecaster.Risk.Stress;

/// <summary>
/// Finds the worst real episodes in stored histories and replays them as relative shocks on a market's current state.
/// </summary>
public static class StressTester
{
    /// <summary>Hours of markets with less in deposits than this are ignored (too small for their moves to mean anything).</summary>
    public const double MinimumDepositsUsd = EarlyWarning.ShortfallDefinition.Defaults.MinimumDepositsUsd;

    /// <summary>The name of the largest 24 h utilization jump scenario: its shock is a rise of utilization, not an outflow.</summary>
    public const string UtilizationJumpName = "largest 24 h utilization jump";

    private static readonly TimeSpan[] OutflowHorizons = [TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    /// <summary>
    /// The worst episodes up to <paramref name="asOf"/> over all the given markets: the largest relative deposit outflow over
    /// 1 h, 24 h and 72 h (in tokens where both hours know them, see <see cref="DepositChange"/>), and the largest 24 h
    /// utilization jump. Hours after <paramref name="asOf"/> are never read.
    /// </summary>
    public static IReadOnlyList<StressScenario> FindWorst(IEnumerable<(Market Market, IReadOnlyList<MarketHour> Hours)> markets, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(markets);
        return WorstOf(markets.SelectMany(m => Candidates(m.Market, m.Hours, asOf)));
    }

    /// <summary>
    /// The worst of each kind among scenarios found separately (e.g. one market at a time, so no caller must hold every
    /// market's whole history at once): the same answer <see cref="FindWorst"/> gives over all of them together.
    /// </summary>
    public static IReadOnlyList<StressScenario> WorstOf(IEnumerable<StressScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var best = new Dictionary<string, StressScenario>();
        foreach (var candidate in scenarios)
            if (!best.TryGetValue(candidate.Name, out var current) || Severity(candidate) > Severity(current)) best[candidate.Name] = candidate;
        return best.Values.OrderBy(s => s.Horizon).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    // A utilization jump is ranked by the points utilization rose; every other scenario by the share of deposits that left.
    private static double Severity(StressScenario scenario) =>
        scenario.Name == UtilizationJumpName ? scenario.UtilizationJump : scenario.DepositOutflowShare;

    private static IEnumerable<StressScenario> Candidates(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        var visible = hours.Where(h => h.Hour <= asOf).ToList();
        foreach (var horizon in OutflowHorizons)
        {
            var steps = (int)horizon.TotalHours;
            for (var i = 0; i + steps < visible.Count; i++)
            {
                var (a, b) = (visible[i], visible[i + steps]);
                if (b.Hour - a.Hour != horizon || a.SuppliedUsd < MinimumDepositsUsd) continue;
                var outflow = 1 - DepositChange.Ratio(a, b);
                if (outflow <= 0) continue;
                yield return new StressScenario($"largest {steps} h deposit outflow", market.Name, a.Hour, horizon, outflow, b.Utilization - a.Utilization) { SourceDepositsUsd = a.SuppliedUsd };
            }
        }
        var day = TimeSpan.FromHours(24);
        for (var i = 0; i + 24 < visible.Count; i++)
        {
            var (a, b) = (visible[i], visible[i + 24]);
            if (b.Hour - a.Hour != day || a.SuppliedUsd < MinimumDepositsUsd) continue;
            var jump = b.Utilization - a.Utilization;
            if (jump <= 0) continue;
            yield return new StressScenario(UtilizationJumpName, market.Name, a.Hour, day, Math.Max(0, 1 - DepositChange.Ratio(a, b)), jump) { SourceDepositsUsd = a.SuppliedUsd };
        }
    }

    /// <summary>
    /// Replays a scenario on a state: its deposit outflow share leaves (or, for a utilization jump, as much as lifts utilization
    /// by the jump with borrows fixed, whichever is larger). What exceeds available liquidity is a shortfall.
    /// </summary>
    public static StressOutcome Apply(MarketHour current, StressScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var supplied = current.SuppliedUsd;
        var borrowed = Math.Min(current.BorrowedUsd, supplied);
        var available = Math.Max(supplied - borrowed, 0);

        // Utilization u' = B / D' after the jump: D' = B / min(u + jump, 1), so demand = D - D'.
        var targetUtilization = Math.Min(current.Utilization + Math.Max(scenario.UtilizationJump, 0), 1);
        var jumpDemand = targetUtilization > 0 && borrowed > 0 ? Math.Max(supplied - borrowed / targetUtilization, 0) : 0;
        var demand = Math.Max(scenario.DepositOutflowShare * supplied, jumpDemand);

        var met = Math.Min(demand, available);
        var suppliedAfter = supplied - met;
        return new StressOutcome(scenario, demand, available - met, demand - met,
            suppliedAfter > 0 ? Math.Min(borrowed / suppliedAfter, 1) : 1,
            demand > 0 ? available / demand : double.PositiveInfinity);
    }
}
