using Forecaster.Markets;
using Forecaster.Markets.RateCurves;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Risk.Liquidity;

/// <summary>
/// Measures the distribution of a market's net deposit outflow (share of deposits that leaves, in tokens where the hours
/// know them, so a price fall is no outflow) over several horizons,
/// by historical simulation, filtered historical simulation (EWMA volatility) and Monte Carlo (Student-t shocks with
/// EWMA volatility), and the liquidity coverage that follows; on request (<see cref="WithAgentBased"/>), over 24 h, also
/// agent-based Monte Carlo (<see cref="AgentStress"/>).
/// Characteristics: input, hourly states up to the as-of hour; output, <see cref="LiquidityRiskReport"/>; nothing persisted;
/// deterministic for a seed.
/// </summary>
public sealed class OutflowRiskModel
{
    private readonly OutflowRiskOptions _options;

    /// <summary>Creates the model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public OutflowRiskModel(OutflowRiskOptions? options = null)
    {
        _options = options ?? new OutflowRiskOptions();
        _options.Validate();
    }

    /// <summary>Assesses a market at <paramref name="asOf"/> from its hours (time order); later hours are ignored.</summary>
    /// <exception cref="InsufficientHistoryException">Fewer than 30 days of hourly changes before <paramref name="asOf"/>.</exception>
    public LiquidityRiskReport Assess(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var window = hours.Where(h => h.Hour <= asOf && h.Hour > asOf - _options.Lookback).ToList();
        var changes = FreshChanges(window);
        const int minimum = 30 * 24;
        if (window.Count == 0 || changes.Count < minimum)
            throw new InsufficientHistoryException(market.Name, changes.Count, minimum);
        var current = window[^1];

        var outflows = new List<OutflowRisk>();
        foreach (var horizon in _options.Horizons)
            outflows.Add(Summarise(horizon, OutflowMethod.Historical, HistoricalOutflows(window, horizon)));
        var simulated = Simulate(changes);
        foreach (var (method, byHorizon) in simulated)
            for (var i = 0; i < _options.Horizons.Count; i++)
                outflows.Add(Summarise(_options.Horizons[i], method, byHorizon[i]));

        var day = TimeSpan.FromHours(24);
        // The buffer answers today's volatility: the filtered estimate rises into a stress and relaxes after it, where
        // plain history keeps last year's worst day for a year. The other methods stay in the report beside it.
        var es99 = outflows.Where(o => o.Horizon == day && o.Method == OutflowMethod.FilteredHistorical).Select(o => o.Es99).DefaultIfEmpty(0).Max() * current.SuppliedUsd;
        var available = Math.Max(current.AvailableLiquidityUsd, 0);
        var coverage = es99 > 0 ? available / es99 : double.PositiveInfinity;
        return new LiquidityRiskReport(market, current.Hour, current, outflows, es99, coverage);
    }

    /// <summary>
    /// Past outflows over a horizon: 1 - D(t+h)/D(t) for every pair exactly h apart in the window, deposits D counted in
    /// tokens where both hours know them (<see cref="DepositChange"/>).
    /// </summary>
    public static List<double> HistoricalOutflows(IReadOnlyList<MarketHour> window, TimeSpan horizon)
    {
        var steps = (int)horizon.TotalHours;
        var outflows = new List<double>(window.Count);
        for (var i = 0; i + steps < window.Count; i++)
        {
            if (window[i + steps].Hour - window[i].Hour != horizon || window[i].SuppliedUsd <= 0) continue;
            var ratio = DepositChange.Ratio(window[i], window[i + steps]);
            if (!double.IsNaN(ratio)) outflows.Add(1 - ratio);
        }
        return outflows;
    }

    // Changes of deposits between fresh observations (in tokens where both know them), with the hours each spans.
    // Forward-filled (stale) hours repeat the previous snapshot, so they are skipped rather than read as hours of zero
    // change: zeros would shrink the EWMA volatility and turn the next real move into an absurd standardised shock.
    private static List<(double Change, int Hours)> FreshChanges(IReadOnlyList<MarketHour> window)
    {
        var changes = new List<(double, int)>(window.Count);
        MarketHour? previous = null;
        foreach (var hour in window)
        {
            if (hour.Has(DataQuality.Stale) && previous is not null) continue;
            if (previous is { SuppliedUsd: > 0 } p)
            {
                var hours = (int)Math.Round((hour.Hour - p.Hour).TotalHours);
                var ratio = DepositChange.Ratio(p, hour);
                // A hole of more than a day in fresh data is a gap, not a slow move: start again after it.
                if (hours is >= 1 and <= 24 && !double.IsNaN(ratio)) changes.Add((ratio - 1, hours));
            }
            previous = hour;
        }
        return changes;
    }

    private List<(OutflowMethod, List<double>[])> Simulate(List<(double Change, int Hours)> changes)
    {
        // Hourly variance filtered through the history: the variance standardising a change uses earlier changes only.
        // A change spanning k hours is scaled by sqrt(k) and counts as k hours of its average squared size.
        var recursion = new VarianceRecursion(1 - _options.EwmaLambda, _options.VolatilityPersistence,
            changes.Select(c => c.Change * c.Change / c.Hours).Average());
        var seedCount = Math.Min(24, changes.Count);
        var variance = Math.Max(changes.Take(seedCount).Select(c => c.Change * c.Change / c.Hours).Average(), 1e-12);
        var standardised = new double[changes.Count];
        for (var t = 0; t < changes.Count; t++)
        {
            var (change, hours) = changes[t];
            standardised[t] = change / Math.Sqrt(variance * hours);
            for (var k = 0; k < hours; k++) variance = recursion.Next(variance, change * change / hours);
        }
        // Rescale to unit variance: with fat tails the filtered shocks average more than 1 squared, and bootstrapping them
        // through the EWMA recursion would then make variance grow along every path (persistence above 1).
        var scale = Math.Sqrt(standardised.Average(z => z * z));
        if (scale > 0) for (var t = 0; t < standardised.Length; t++) standardised[t] /= scale;
        var nu = StudentT.DegreesOfFreedomFromKurtosis(standardised);

        var filtered = RunPaths(recursion, variance, random => standardised[random.Next(standardised.Length)], _options.Seed);
        if (!_options.MonteCarlo) return [(OutflowMethod.FilteredHistorical, filtered)];
        var monteCarlo = RunPaths(recursion, variance, random => StudentT.NextUnitVariance(random, nu), _options.Seed + 1);
        return [(OutflowMethod.FilteredHistorical, filtered), (OutflowMethod.MonteCarlo, monteCarlo)];
    }

    private List<double>[] RunPaths(VarianceRecursion recursion, double startVariance, Func<Random, double> shock, int seed)
    {
        var horizons = _options.Horizons.Select(h => (int)h.TotalHours).ToArray();
        var longest = horizons.Max();
        var results = horizons.Select(_ => new List<double>(_options.Paths)).ToArray();
        var random = new Random(seed);
        for (var p = 0; p < _options.Paths; p++)
        {
            var variance = startVariance;
            var deposits = 1.0;
            for (var step = 1; step <= longest; step++)
            {
                // Deposits cannot fall below zero: a change below -100% is a full exit.
                var change = Math.Max(shock(random) * Math.Sqrt(variance), -1);
                deposits *= 1 + change;
                variance = recursion.Next(variance, change * change);
                for (var k = 0; k < horizons.Length; k++)
                    if (horizons[k] == step) results[k].Add(1 - deposits);
            }
        }
        return results;
    }

    /// <summary>
    /// The report with the agent-based 24 h outflow added beside the other methods. It is a separate step because it costs
    /// 0.5-1 s a market and the buffer does not rest on it: only reports that are shown (written proposals) need it.
    /// The agents start from the report's state on the market's own kinked curve where its rates show one (the asset
    /// class's typical curve otherwise; the reserve factor, not in snapshot data, is taken as 10%).
    /// </summary>
    /// <param name="report">A report from <see cref="Assess"/>.</param>
    /// <param name="rateCurve">The market's curve as its rates show it (<see cref="RateCurveEstimator.EstimateLatest"/>), or null when they show none.</param>
    public LiquidityRiskReport WithAgentBased(LiquidityRiskReport report, RateCurveEstimate? rateCurve)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Outflows.Any(o => o.Method == OutflowMethod.AgentBased)) return report;
        var day = TimeSpan.FromHours(24);
        var curve = rateCurve is { } e
            ? new InterestRateModel(e.BaseRatePct, e.Slope1Pct, e.Slope2Pct, e.OptimalUtilization, 0.10)
            : InterestRateModel.ForAsset(report.Market.Asset);
        var outflows = AgentStress.NetOutflows(report.Market, report.Current, curve, [(int)day.TotalHours], _options.AgentPaths, _options.Seed + 2)[0];
        return report with { Outflows = [.. report.Outflows, Summarise(day, OutflowMethod.AgentBased, [.. outflows])] };
    }

    private static OutflowRisk Summarise(TimeSpan horizon, OutflowMethod method, List<double> outflows)
    {
        if (outflows.Count == 0) return new OutflowRisk(horizon, method, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        outflows.Sort();
        var (var95, es95) = TailRisk.OfSorted(outflows, 0.95);
        var (var99, es99) = TailRisk.OfSorted(outflows, 0.99);
        return new OutflowRisk(horizon, method, var95, es95, var99, es99, outflows.Count);
    }
}
