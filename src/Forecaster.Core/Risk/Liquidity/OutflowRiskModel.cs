using Forecaster.Markets;

namespace Forecaster.Risk.Liquidity;

/// <summary>
/// Measures the distribution of a market's net deposit outflow (share of deposits that leaves) over several horizons,
/// by historical simulation, filtered historical simulation (EWMA volatility) and Monte Carlo (Student-t shocks with
/// EWMA volatility), and the liquidity coverage that follows.
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
        var changes = HourlyChanges(window);
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
        var es99 = outflows.Where(o => o.Horizon == day).Select(o => o.Es99).DefaultIfEmpty(0).Max() * current.SuppliedUsd;
        var available = Math.Max(current.AvailableLiquidityUsd, 0);
        var coverage = es99 > 0 ? available / es99 : double.PositiveInfinity;
        return new LiquidityRiskReport(market, current.Hour, current, outflows, es99, coverage);
    }

    /// <summary>Past outflows over a horizon: 1 - D(t+h)/D(t) for every pair exactly h apart in the window.</summary>
    public static List<double> HistoricalOutflows(IReadOnlyList<MarketHour> window, TimeSpan horizon)
    {
        var steps = (int)horizon.TotalHours;
        var outflows = new List<double>(window.Count);
        for (var i = 0; i + steps < window.Count; i++)
        {
            if (window[i + steps].Hour - window[i].Hour != horizon || window[i].SuppliedUsd <= 0) continue;
            outflows.Add(1 - window[i + steps].SuppliedUsd / window[i].SuppliedUsd);
        }
        return outflows;
    }

    // Relative hourly change of deposits between consecutive grid hours. A forward-filled (stale) hour contributes 0 and
    // the next fresh hour the whole move, so the sum over a run is right even though single hours are not.
    private static List<double> HourlyChanges(IReadOnlyList<MarketHour> window)
    {
        var changes = new List<double>(window.Count);
        for (var i = 1; i < window.Count; i++)
        {
            if (window[i].Hour - window[i - 1].Hour != HourlyGrid.Step || window[i - 1].SuppliedUsd <= 0) continue;
            changes.Add(window[i].SuppliedUsd / window[i - 1].SuppliedUsd - 1);
        }
        return changes;
    }

    private List<(OutflowMethod, List<double>[])> Simulate(List<double> changes)
    {
        // EWMA variance filtered through the history: sigma2[t] uses changes up to t-1 only.
        var lambda = _options.EwmaLambda;
        var seedCount = Math.Min(24, changes.Count);
        var variance = Math.Max(changes.Take(seedCount).Select(r => r * r).Average(), 1e-12);
        var standardised = new double[changes.Count];
        for (var t = 0; t < changes.Count; t++)
        {
            standardised[t] = changes[t] / Math.Sqrt(variance);
            variance = Math.Max(lambda * variance + (1 - lambda) * changes[t] * changes[t], 1e-12);
        }
        var nu = StudentT.DegreesOfFreedomFromKurtosis(standardised);

        var filtered = RunPaths(variance, random => standardised[random.Next(standardised.Length)], _options.Seed);
        var monteCarlo = RunPaths(variance, random => StudentT.NextUnitVariance(random, nu), _options.Seed + 1);
        return [(OutflowMethod.FilteredHistorical, filtered), (OutflowMethod.MonteCarlo, monteCarlo)];
    }

    private List<double>[] RunPaths(double startVariance, Func<Random, double> shock, int seed)
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
                variance = Math.Max(_options.EwmaLambda * variance + (1 - _options.EwmaLambda) * change * change, 1e-12);
                for (var k = 0; k < horizons.Length; k++)
                    if (horizons[k] == step) results[k].Add(1 - deposits);
            }
        }
        return results;
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
