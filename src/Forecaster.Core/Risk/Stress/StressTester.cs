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
    public static IReadOnlyList<StressScenario> FindWorst(IEnumerable<(Market Market, IReadOnlyList<MarketHour> Hours)> markets, DateTimeOffset asOf) =>
        WorstScenarioIndex.Build(markets, asOf).AsOf(asOf);

    /// <summary>
    /// One market's record-breaking windows of each kind, in time order: a window is kept when it is worse than every
    /// earlier window of its kind in this market (ties keep the earlier one). With <paramref name="until"/>, no window
    /// ending after it is read. Only these windows can ever be the worst of the market at any hour.
    /// </summary>
    internal static IEnumerable<(DateTimeOffset EndedAt, double Severity, StressScenario Scenario)> Records(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(hours);
        var end = hours.Count;
        while (until is { } u && end > 0 && hours[end - 1].Hour > u) end--;
        foreach (var horizon in OutflowHorizons)
        {
            var steps = (int)horizon.TotalHours;
            var best = 0.0;
            for (var i = 0; i + steps < end; i++)
            {
                var (a, b) = (hours[i], hours[i + steps]);
                if (b.Hour - a.Hour != horizon || a.SuppliedUsd < MinimumDepositsUsd) continue;
                var outflow = 1 - DepositChange.Ratio(a, b);
                if (!(outflow > best)) continue; // also skips NaN
                best = outflow;
                yield return (b.Hour, outflow, new StressScenario($"largest {steps} h deposit outflow", market.Name, a.Hour, horizon, outflow, b.Utilization - a.Utilization) { SourceDepositsUsd = a.SuppliedUsd });
            }
        }
        var day = TimeSpan.FromHours(24);
        var worstJump = 0.0;
        for (var i = 0; i + 24 < end; i++)
        {
            var (a, b) = (hours[i], hours[i + 24]);
            if (b.Hour - a.Hour != day || a.SuppliedUsd < MinimumDepositsUsd) continue;
            var jump = b.Utilization - a.Utilization;
            if (!(jump > worstJump)) continue;
            worstJump = jump;
            yield return (b.Hour, jump, new StressScenario(UtilizationJumpName, market.Name, a.Hour, day, Math.Max(0, 1 - DepositChange.Ratio(a, b)), jump) { SourceDepositsUsd = a.SuppliedUsd });
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
