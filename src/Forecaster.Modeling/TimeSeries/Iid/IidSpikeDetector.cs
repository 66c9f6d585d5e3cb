using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>Streaming IID spike detection over a sliding history (same contract as ML.NET's IidSpikeDetector).</summary>
public sealed class IidSpikeDetector
{
    private const string Kind = "iidspike";
    private const int FormatVersion = 1;
    private readonly IidSpikeOptions _options;
    private readonly SlidingHistory _history;

    /// <summary>Creates a detector with an empty history.</summary>
    /// <param name="options">Options; validated here.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public IidSpikeDetector(IidSpikeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = new IidSpikeOptions { Confidence = options.Confidence, PValueHistoryLength = options.PValueHistoryLength, Side = options.Side };
        _history = new SlidingHistory(options.PValueHistoryLength);
    }

    /// <summary>Scores the next value against the history, then adds it to the history.</summary>
    /// <param name="value">The observation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public IidPoint Process(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "IID observations must be finite.");
        var warm = _history.Count >= Math.Min(8, _history.Capacity);
        var p = warm ? AdaptiveKernelDensity.PValue(_history.Values, value, _options.Side) : 0.5;
        _history.Add(value);
        return new IidPoint(warm && p < 1 - _options.Confidence / 100, value, p, 0);
    }

    /// <summary>Writes options and history (format version 1).</summary>
    /// <param name="writer">Destination.</param>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateHeader.Write(writer, Kind, FormatVersion);
        writer.Write(_options.Confidence); writer.Write(_options.PValueHistoryLength); writer.Write((int)_options.Side);
        _history.Save(writer);
    }

    /// <summary>Reads a detector written by <see cref="Save"/>.</summary>
    /// <param name="reader">Source.</param>
    /// <exception cref="ModelFormatException">Not a spike-detector state of this format version.</exception>
    public static IidSpikeDetector Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateHeader.Read(reader, Kind, FormatVersion);
        var detector = new IidSpikeDetector(new IidSpikeOptions
        {
            Confidence = reader.ReadDouble(), PValueHistoryLength = reader.ReadInt32(), Side = (AnomalySide)reader.ReadInt32(),
        });
        detector._history.Load(reader);
        return detector;
    }
}
