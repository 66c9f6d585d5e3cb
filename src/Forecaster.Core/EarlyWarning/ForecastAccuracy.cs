namespace Forecaster.EarlyWarning;

/// <summary>
/// Accumulates forecast errors of available liquidity: MASE against the naive forecast (the value at t predicts t + h)
/// on the same hours, and the empirical coverage of the interval.
/// </summary>
public sealed class ForecastAccuracy
{
    private double _modelError;
    private double _naiveError;
    private long _inside;

    /// <summary>Number of forecasts added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one forecast and its outcome, USD.</summary>
    public void Add(double actual, double median, double lower, double upper, double naive)
    {
        if (double.IsNaN(actual) || double.IsNaN(median) || double.IsNaN(naive)) return;
        Count++;
        _modelError += Math.Abs(actual - median);
        _naiveError += Math.Abs(actual - naive);
        if (actual >= lower && actual <= upper) _inside++;
    }

    /// <summary>Merges another accumulator into this one.</summary>
    public void Add(ForecastAccuracy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        _modelError += other._modelError;
        _naiveError += other._naiveError;
        _inside += other._inside;
    }

    /// <summary>Mean absolute error over that of the naive forecast; below 1 beats persistence. NaN when empty.</summary>
    public double Mase => _naiveError > 0 ? _modelError / _naiveError : double.NaN;

    /// <summary>Share of outcomes inside the interval; NaN when empty.</summary>
    public double Coverage => Count > 0 ? (double)_inside / Count : double.NaN;
}
