using Forecaster.Modeling.TimeSeries.Ssa;

namespace Forecaster.Modeling.Features;

/// <summary>
/// How close the next 24 hours may bring the market to running dry, by the SSA forecaster (issue 3): the highest upper
/// 95% bound of utilization over the 24 forecast steps, read as −ln(1 − u) like the rule's own signal. Available
/// liquidity is deposits × (1 − utilization), so this is the SSA forecast's lower bound on the available share of
/// deposits, on a log scale: it rises when utilization trends up or swings widely, before it is high.
/// </summary>
/// <remarks>
/// Causality: refit once a day, at the day's last row, on the latest <see cref="SsaForecasterOptions.Defaults.TrainSize"/>
/// hours up to and including it (20 days, with a 24 h window: the daily cycle and the latest trend); through the next
/// day each hour is added to the engine before it forecasts from that hour. NaN before the first fit and on days where
/// the fit fails (a flat series, e.g. a market not yet used, has no signal subspace).
/// </remarks>
internal static class SsaLiquidityOutlook
{
    private static readonly SsaForecasterOptions Options = new();

    /// <summary>−ln(1 − highest upper bound of utilization over the next 24 h), capped at u = 0.9999; NaN where unknown.</summary>
    public static double[] LogGapAtForecastPeak(double[] utilization)
    {
        var result = new double[utilization.Length];
        var train = Options.TrainSize;
        SsaForecastEngine? engine = null;
        for (var i = 0; i < utilization.Length; i++)
        {
            if (i % 24 == 23 && i >= train - 1) engine = FitOrNull(utilization.AsSpan(i - train + 1, train));
            else engine?.Update(utilization[i]);
            result[i] = engine is null ? double.NaN : -Math.Log(1 - Math.Clamp(engine.Predict().Upper.Max(), 0, 0.9999));
        }
        return result;
    }

    private static SsaForecastEngine? FitOrNull(ReadOnlySpan<double> series)
    {
        var first = series[0];
        var flat = true;
        foreach (var x in series) flat &= Math.Abs(x - first) < 1e-9;
        return flat ? null : SsaForecastEngine.Fit(series, Options);
    }
}
