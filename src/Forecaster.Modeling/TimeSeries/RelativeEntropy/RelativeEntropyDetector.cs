using Forecaster.Modeling.Persistence;
using Forecaster.Modeling.TimeSeries.Iid;
using MathNet.Numerics.Distributions;

namespace Forecaster.Modeling.TimeSeries.RelativeEntropy;

/// <summary>
/// Streaming relative-entropy anomaly detection (Wang et al. 2011), written from the paper's idea. Each step bins the
/// last WindowSize values into BinCount equal-width bins over the range seen so far (never the future) and tests the
/// histogram with the G test (2·n·KL divergence, chi-squared with bins − 1 degrees of freedom) against every known
/// distribution. If the nearest one is rejected at Confidence, the window is anomalous and is remembered as a new
/// distribution; otherwise the nearest is accepted. The first full window is the first distribution, not an anomaly.
/// Alerts are sparse: after one, SuppressionLength rows raise none (the detector still learns).
/// </summary>
public sealed class RelativeEntropyDetector
{
    private const string Kind = "relativeentropy";
    private const int FormatVersion = 1;
    private readonly RelativeEntropyOptions _options;
    private readonly double _criticalStatistic;
    private readonly SlidingHistory _window;
    private readonly HypothesisMemory _memory;
    private readonly double[] _shares;
    private readonly ChiSquared _null;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private long _row;
    private long? _lastAlert;

    /// <summary>Creates a detector that knows no distribution yet.</summary>
    /// <param name="options">Options; validated here.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public RelativeEntropyDetector(RelativeEntropyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        _null = new ChiSquared(options.BinCount - 1);
        _criticalStatistic = _null.InverseCumulativeDistribution(options.Confidence / 100);
        _window = new SlidingHistory(options.WindowSize);
        _memory = new HypothesisMemory(options.MaxHypotheses, options.BinCount);
        _shares = new double[options.BinCount];
    }

    /// <summary>Distributions currently remembered.</summary>
    public int KnownDistributions => _memory.Count;

    /// <summary>Adds the next value and tests the window that ends with it.</summary>
    /// <param name="value">The observation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public RelativeEntropyPoint Process(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Relative-entropy observations must be finite.");
        var row = _row++;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _window.Add(value);
        if (_window.Count < _options.WindowSize) return new RelativeEntropyPoint(false, 0, 1, false);

        RangeHistogram.Fill(_window.Values, _min, _max, _shares);
        var (nearest, statistic) = _memory.Nearest(_shares, _options.WindowSize, _min, _max);
        if (nearest < 0)
        {
            _memory.Add(_window.Values, _shares, row);
            return new RelativeEntropyPoint(false, 0, 1, true);
        }
        var isNew = statistic > _criticalStatistic;
        if (isNew) _memory.Add(_window.Values, _shares, row);
        else _memory.Accept(nearest, row);
        var alert = isNew && (_lastAlert is not { } last || row - last > _options.SuppressionLength);
        if (alert) _lastAlert = row;
        return new RelativeEntropyPoint(alert, statistic, 1 - _null.CumulativeDistribution(statistic), isNew);
    }

    /// <summary>Writes options and state (format version 1).</summary>
    /// <param name="writer">Destination.</param>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateHeader.Write(writer, Kind, FormatVersion);
        WriteOptions(writer, _options);
        writer.Write(_row);
        writer.Write(_lastAlert.HasValue);
        writer.Write(_lastAlert ?? 0);
        writer.Write(_min);
        writer.Write(_max);
        _window.Save(writer);
        _memory.Save(writer);
    }

    /// <summary>Reads a detector written by <see cref="Save"/>.</summary>
    /// <param name="reader">Source.</param>
    /// <exception cref="ModelFormatException">Not a relative-entropy state of this format version.</exception>
    public static RelativeEntropyDetector Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateHeader.Read(reader, Kind, FormatVersion);
        var detector = new RelativeEntropyDetector(ReadOptions(reader));
        detector._row = reader.ReadInt64();
        var hasAlert = reader.ReadBoolean();
        var lastAlert = reader.ReadInt64();
        detector._lastAlert = hasAlert ? lastAlert : null;
        detector._min = reader.ReadDouble();
        detector._max = reader.ReadDouble();
        detector._window.Load(reader);
        detector._memory.Load(reader);
        return detector;
    }

    internal static void WriteOptions(BinaryWriter writer, RelativeEntropyOptions options)
    {
        writer.Write(options.WindowSize); writer.Write(options.BinCount); writer.Write(options.Confidence);
        writer.Write(options.SuppressionLength); writer.Write(options.MaxHypotheses);
    }

    internal static RelativeEntropyOptions ReadOptions(BinaryReader reader) => new()
    {
        WindowSize = reader.ReadInt32(), BinCount = reader.ReadInt32(), Confidence = reader.ReadDouble(),
        SuppressionLength = reader.ReadInt32(), MaxHypotheses = reader.ReadInt32(),
    };
}
