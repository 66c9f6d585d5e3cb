namespace Forecaster.Modeling.TimeSeries.RelativeEntropy;

/// <summary>
/// The distributions (hypotheses) relative-entropy detection has seen. Each is kept as the raw window it came from, so
/// when the range of the series widens every histogram is rebuilt on the new bins and stays comparable with new windows.
/// Bounded: at capacity the hypothesis accepted longest ago is replaced.
/// </summary>
internal sealed class HypothesisMemory(int capacity, int binCount)
{
    private readonly List<double[]> _windows = [];
    private readonly List<double[]> _shares = [];
    private readonly List<long> _lastAccepted = [];
    private double _low = double.NaN;
    private double _high = double.NaN;

    public int Count => _windows.Count;

    /// <summary>The hypothesis nearest to <paramref name="shares"/> (binned on [low, high]) and its G statistic; (-1, +∞) when empty.</summary>
    public (int Index, double Statistic) Nearest(ReadOnlySpan<double> shares, int windowSize, double low, double high)
    {
        if (low != _low || high != _high) Rebin(low, high);
        var (best, statistic) = (-1, double.PositiveInfinity);
        for (var h = 0; h < _shares.Count; h++)
        {
            var g = RangeHistogram.GStatistic(shares, _shares[h], windowSize);
            if (g < statistic) (best, statistic) = (h, g);
        }
        return (best, statistic);
    }

    public void Accept(int index, long row) => _lastAccepted[index] = row;

    /// <summary>Remembers a window (binned on the range of the last <see cref="Nearest"/>) as a new hypothesis.</summary>
    public void Add(ReadOnlySpan<double> window, ReadOnlySpan<double> shares, long row)
    {
        if (_windows.Count < capacity)
        {
            _windows.Add(window.ToArray());
            _shares.Add(shares.ToArray());
            _lastAccepted.Add(row);
            return;
        }
        var oldest = 0;
        for (var h = 1; h < _lastAccepted.Count; h++) if (_lastAccepted[h] < _lastAccepted[oldest]) oldest = h;
        _windows[oldest] = window.ToArray();
        _shares[oldest] = shares.ToArray();
        _lastAccepted[oldest] = row;
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_windows.Count);
        for (var h = 0; h < _windows.Count; h++)
        {
            writer.Write(_lastAccepted[h]);
            writer.Write(_windows[h].Length);
            foreach (var value in _windows[h]) writer.Write(value);
        }
    }

    /// <summary>Reads hypotheses written by <see cref="Save"/>; histograms are rebuilt on the next <see cref="Nearest"/>.</summary>
    public void Load(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        for (var h = 0; h < count; h++)
        {
            _lastAccepted.Add(reader.ReadInt64());
            var window = new double[reader.ReadInt32()];
            for (var i = 0; i < window.Length; i++) window[i] = reader.ReadDouble();
            _windows.Add(window);
            _shares.Add(new double[binCount]);
        }
    }

    private void Rebin(double low, double high)
    {
        for (var h = 0; h < _windows.Count; h++) RangeHistogram.Fill(_windows[h], low, high, _shares[h]);
        (_low, _high) = (low, high);
    }
}
