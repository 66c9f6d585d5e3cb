using Forecaster.Markets;

namespace Forecaster.Risk;

/// <summary>
/// An honest, model-free baseline: historical simulation over the market's own recent past.
/// <list type="bullet">
/// <item>Available liquidity at horizon h: today's value plus today's deposits times an empirical quantile of past
/// h-hour changes of available liquidity measured as a share of deposits (so a market near zero liquidity is handled).</item>
/// <item>Shortfall probability within 24 h: the share of past hours whose largest utilization rise over the next 24 h,
/// added to today's utilization, reaches the shortfall level.</item>
/// </list>
/// Characteristics: input, hourly states up to the as-of hour; output, forecasts and a probability; nothing persisted; no training.
/// </summary>
public sealed class BaselineRiskModel : IMarketRiskModel
{
    private readonly BaselineRiskOptions _options;

    /// <summary>Creates the model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public BaselineRiskModel(BaselineRiskOptions? options = null)
    {
        _options = options ?? new BaselineRiskOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Lookback, TimeSpan.Zero, nameof(options));
        if (_options.ShortfallUtilization is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), "ShortfallUtilization must be in (0, 1].");
        if (_options.Coverage is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Coverage must be in (0, 1).");
    }

    /// <summary>
    /// Assesses a market from its hours up to and including <paramref name="asOf"/> (later hours are ignored).
    /// </summary>
    /// <param name="market">The market.</param>
    /// <param name="hours">The market's hours in time order.</param>
    /// <param name="asOf">The as-of hour.</param>
    /// <param name="horizons">Forecast horizons, each a whole number of hours.</param>
    /// <exception cref="InsufficientHistoryException">Fewer past windows than <see cref="BaselineRiskOptions.MinimumWindows"/>.</exception>
    public MarketRiskAssessment Assess(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, IReadOnlyList<TimeSpan> horizons)
    {
        var end = HourlyGrid.LastAtOrBefore(hours, asOf);
        if (end < 0)
            throw new InsufficientHistoryException(market.Name, 0, _options.MinimumWindows);
        var current = hours[end];
        var start = LowerIndex(hours, current.Hour - _options.Lookback);
        var window = new ArraySegment<MarketHour>(hours.ToArray(), start, end - start + 1);

        var forecasts = horizons.Select(h => ForecastLiquidity(market, window, current, h)).ToList();
        var probability = ShortfallProbability(market, window, current, TimeSpan.FromHours(24));
        return new MarketRiskAssessment(market, current.Hour, current, forecasts, probability,
            StatusPolicy.Default.Classify(probability, current.Utilization), "baseline: historical simulation over 180 days");
    }

    private LiquidityForecast ForecastLiquidity(Market market, IReadOnlyList<MarketHour> window, MarketHour current, TimeSpan horizon)
    {
        var steps = (int)horizon.TotalHours;
        var changes = new List<double>(window.Count);
        for (var i = 0; i + steps < window.Count; i++)
        {
            var now = window[i];
            var later = window[i + steps];
            // Only pairs exactly h apart on the grid: gaps would otherwise stretch the horizon.
            if (later.Hour - now.Hour != horizon || now.SuppliedUsd <= 0) continue;
            changes.Add((Math.Max(later.AvailableLiquidityUsd, 0) - Math.Max(now.AvailableLiquidityUsd, 0)) / now.SuppliedUsd);
        }
        if (changes.Count < _options.MinimumWindows)
            throw new InsufficientHistoryException(market.Name, changes.Count, _options.MinimumWindows);

        changes.Sort();
        var tail = (1 - _options.Coverage) / 2;
        double At(double q) => Math.Max(0, Math.Max(current.AvailableLiquidityUsd, 0) + current.SuppliedUsd * Quantile.OfSorted(changes, q));
        return new LiquidityForecast(horizon, At(0.5), At(tail), At(1 - tail), _options.Coverage);
    }

    private double ShortfallProbability(Market market, IReadOnlyList<MarketHour> window, MarketHour current, TimeSpan horizon)
    {
        var level = _options.ShortfallUtilization;
        if (current.Utilization >= level) return 1.0;
        var steps = (int)horizon.TotalHours;
        int hits = 0, total = 0;
        for (var i = 0; i + steps < window.Count; i++)
        {
            var now = window[i];
            if (window[i + steps].Hour - now.Hour != horizon) continue;
            var maxRise = double.NegativeInfinity;
            for (var k = 1; k <= steps; k++)
                maxRise = Math.Max(maxRise, window[i + k].Utilization - now.Utilization);
            total++;
            if (current.Utilization + maxRise >= level) hits++;
        }
        if (total < _options.MinimumWindows)
            throw new InsufficientHistoryException(market.Name, total, _options.MinimumWindows);
        return (double)hits / total;
    }

    // Index of the first hour at or after the instant (Count when none).
    private static int LowerIndex(IReadOnlyList<MarketHour> hours, DateTimeOffset instant)
    {
        int lo = 0, hi = hours.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (hours[mid].Hour < instant) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
