using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>
/// Streaming IID change-point detection: kernel-density p-values combined by a sliding martingale
/// (same contract as ML.NET's IidChangePointDetector). After an alert the martingale restarts.
/// </summary>
public sealed class IidChangePointDetector
{
    private const string Kind = "iidchangepoint";
    private const int FormatVersion = 1;
    private readonly IidChangePointOptions _options;
    private readonly SlidingHistory _history;
    private readonly SlidingMartingale _martingale;
    private readonly double _logThreshold;

    /// <summary>Creates a detector with an empty history.</summary>
    /// <param name="options">Options; validated here.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public IidChangePointDetector(IidChangePointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = new IidChangePointOptions
        {
            Confidence = options.Confidence, ChangeHistoryLength = options.ChangeHistoryLength,
            Martingale = options.Martingale, Epsilon = options.Epsilon, Side = options.Side,
        };
        _history = new SlidingHistory(options.ChangeHistoryLength);
        _martingale = new SlidingMartingale(options.Martingale, options.Epsilon, options.ChangeHistoryLength);
        _logThreshold = -Math.Log(1 - options.Confidence / 100);
    }

    /// <summary>The options in use (a copy).</summary>
    public IidChangePointOptions Options => new()
    {
        Confidence = _options.Confidence, ChangeHistoryLength = _options.ChangeHistoryLength, Martingale = _options.Martingale,
        Epsilon = _options.Epsilon, Side = _options.Side,
    };

    /// <summary>Scores the next value, then adds it to the history.</summary>
    /// <param name="value">The observation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public IidPoint Process(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "IID observations must be finite.");
        var warm = _history.Count >= Math.Min(8, _history.Capacity);
        var p = warm ? AdaptiveKernelDensity.PValue(_history.Values, value, _options.Side) : 0.5;
        _history.Add(value);
        if (!warm) return new IidPoint(false, 1, p, 0);
        var log = _martingale.Add(p);
        var alert = log > _logThreshold;
        if (alert) _martingale.Reset();
        return new IidPoint(alert, Math.Exp(Math.Min(log, 700)), p, log);
    }

    /// <summary>Writes options, history and martingale (format version 1).</summary>
    /// <param name="writer">Destination.</param>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateHeader.Write(writer, Kind, FormatVersion);
        var o = _options;
        writer.Write(o.Confidence); writer.Write(o.ChangeHistoryLength); writer.Write((int)o.Martingale); writer.Write(o.Epsilon); writer.Write((int)o.Side);
        _history.Save(writer);
        _martingale.Save(writer);
    }

    /// <summary>Reads a detector written by <see cref="Save"/>.</summary>
    /// <param name="reader">Source.</param>
    /// <exception cref="ModelFormatException">Not a change-point state of this format version.</exception>
    public static IidChangePointDetector Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateHeader.Read(reader, Kind, FormatVersion);
        var detector = new IidChangePointDetector(new IidChangePointOptions
        {
            Confidence = reader.ReadDouble(), ChangeHistoryLength = reader.ReadInt32(), Martingale = (MartingaleType)reader.ReadInt32(),
            Epsilon = reader.ReadDouble(), Side = (AnomalySide)reader.ReadInt32(),
        });
        detector._history.Load(reader);
        detector._martingale.Load(reader);
        return detector;
    }
}
