namespace Forecaster.Modeling.Features;

/// <summary>One token's USD prices, irregular in time (the shared files are about hourly).</summary>
/// <remarks>Characteristics: input of the price features; built by the caller from stored or file prices; no state.</remarks>
public sealed class PriceSeries
{
    private readonly DateTimeOffset[] _times;
    private readonly double[] _usd;

    /// <summary>Creates a series.</summary>
    /// <param name="symbol">Token symbol, for messages.</param>
    /// <param name="times">Observation times, non-decreasing.</param>
    /// <param name="usd">Prices, positive and finite, one per time.</param>
    /// <exception cref="ArgumentException">Lengths differ, a time goes backwards or a price is not positive; the message names the position.</exception>
    public PriceSeries(string symbol, IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> usd)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(usd);
        if (times.Count != usd.Count) throw new ArgumentException($"{symbol}: {times.Count} times but {usd.Count} prices.", nameof(usd));
        for (var i = 0; i < times.Count; i++)
        {
            if (i > 0 && times[i] < times[i - 1]) throw new ArgumentException($"{symbol}: observation {i} ({times[i]:u}) is before the one preceding it.", nameof(times));
            if (!(usd[i] > 0) || double.IsInfinity(usd[i])) throw new ArgumentException($"{symbol}: observation {i} ({times[i]:u}) has price {usd[i]}, not a positive number.", nameof(usd));
        }
        Symbol = symbol;
        _times = times.ToArray();
        _usd = usd.ToArray();
    }

    /// <summary>Token symbol.</summary>
    public string Symbol { get; }

    /// <summary>
    /// The latest price observed at or before <paramref name="time"/> and no older than <paramref name="maxAge"/>; NaN
    /// when there is none (before the series starts, after it ends, or across a gap).
    /// </summary>
    public double AsOf(DateTimeOffset time, TimeSpan maxAge)
    {
        // Index of the first observation after `time`; the one before it is the latest at or before.
        int lo = 0, hi = _times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_times[mid] <= time) lo = mid + 1; else hi = mid;
        }
        return lo > 0 && time - _times[lo - 1] <= maxAge ? _usd[lo - 1] : double.NaN;
    }
}
