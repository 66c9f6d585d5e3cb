using System.Numerics;
using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>
/// Streaming spectral-residual detector: each new point is scored at the end of the latest window, extended by
/// extrapolated points so it is not at the spectrum's edge (Ren et al. §3.2). Same contract as ML.NET's SrCnn transform.
/// </summary>
public sealed class SrStreamingDetector
{
    private const string Kind = "srcnn";
    private const int FormatVersion = 1;

    private readonly SrCnnOptions _options;
    private readonly double[] _window;
    private int _count;
    private readonly double[] _extended;
    private readonly double[] _saliency;
    private readonly Complex[] _workspace;
    private readonly double[] _magnitudes;
    private int _magnitudeCount;
    private int _magnitudeNext;
    private double _magnitudeSum;

    /// <summary>Creates a detector with no history.</summary>
    /// <param name="options">Options; validated here.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    public SrStreamingDetector(SrCnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = new SrCnnOptions
        {
            WindowSize = options.WindowSize, BackAddWindowSize = options.BackAddWindowSize, LookaheadWindowSize = options.LookaheadWindowSize,
            AveragingWindowSize = options.AveragingWindowSize, JudgementWindowSize = options.JudgementWindowSize, Threshold = options.Threshold,
        };
        _window = new double[options.WindowSize];
        _extended = new double[options.WindowSize + options.BackAddWindowSize];
        _saliency = new double[_extended.Length];
        _workspace = new Complex[2 * _extended.Length];
        _magnitudes = new double[options.JudgementWindowSize];
    }

    /// <summary>Scores the next observation.</summary>
    /// <param name="value">The observation; NaN is rejected.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public SrPoint Process(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Spectral-residual observations must be finite.");
        var size = _window.Length;
        // Shift left: the window is small (tens of points), so a copy is cheaper than index arithmetic in the FFT input.
        if (_count == size) Array.Copy(_window, 1, _window, 0, size - 1);
        else _count++;
        _window[_count - 1] = value;
        if (_count < size) return new SrPoint(false, 0, 0);

        _window.CopyTo(_extended, 0);
        var next = SpectralResidual.ExtrapolateNext(_window.AsSpan(0, size - 1), _options.LookaheadWindowSize);
        for (var i = size; i < _extended.Length; i++) _extended[i] = next;
        SpectralResidual.Saliency(_extended, _options.AveragingWindowSize, _saliency, _workspace);

        var magnitude = _saliency[size - 1];
        // Ren et al.: judge the point against the local average of the preceding saliency values of this window.
        var judged = Math.Min(_options.JudgementWindowSize, size - 1);
        double mean = 0;
        for (var i = size - 1 - judged; i < size - 1; i++) mean += _saliency[i];
        mean /= judged;
        var score = mean > 1e-12 ? (magnitude - mean) / mean : 0;
        RememberMagnitude(magnitude);
        return new SrPoint(score > _options.Threshold, score, magnitude);
    }

    private void RememberMagnitude(double magnitude)
    {
        var capacity = _magnitudes.Length;
        if (_magnitudeCount == capacity) _magnitudeSum -= _magnitudes[_magnitudeNext];
        else _magnitudeCount++;
        _magnitudes[_magnitudeNext] = magnitude;
        _magnitudeSum += magnitude;
        _magnitudeNext = (_magnitudeNext + 1) % capacity;
    }

    /// <summary>Writes the options and window (format version 1).</summary>
    /// <param name="writer">Destination.</param>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        StateHeader.Write(writer, Kind, FormatVersion);
        var o = _options;
        writer.Write(o.WindowSize); writer.Write(o.BackAddWindowSize); writer.Write(o.LookaheadWindowSize);
        writer.Write(o.AveragingWindowSize); writer.Write(o.JudgementWindowSize); writer.Write(o.Threshold);
        writer.Write(_count);
        foreach (var v in _window) writer.Write(v);
        writer.Write(_magnitudeCount); writer.Write(_magnitudeNext); writer.Write(_magnitudeSum);
        foreach (var v in _magnitudes) writer.Write(v);
    }

    /// <summary>Reads a detector written by <see cref="Save"/>.</summary>
    /// <param name="reader">Source.</param>
    /// <exception cref="ModelFormatException">Not an SR state of this format version.</exception>
    public static SrStreamingDetector Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateHeader.Read(reader, Kind, FormatVersion);
        try
        {
            var detector = new SrStreamingDetector(new SrCnnOptions
            {
                WindowSize = reader.ReadInt32(), BackAddWindowSize = reader.ReadInt32(), LookaheadWindowSize = reader.ReadInt32(),
                AveragingWindowSize = reader.ReadInt32(), JudgementWindowSize = reader.ReadInt32(), Threshold = reader.ReadDouble(),
            });
            detector._count = reader.ReadInt32();
            for (var i = 0; i < detector._window.Length; i++) detector._window[i] = reader.ReadDouble();
            detector._magnitudeCount = reader.ReadInt32(); detector._magnitudeNext = reader.ReadInt32(); detector._magnitudeSum = reader.ReadDouble();
            for (var i = 0; i < detector._magnitudes.Length; i++) detector._magnitudes[i] = reader.ReadDouble();
            return detector;
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException("Saved srcnn model state is truncated.", e);
        }
    }

    /// <summary>The options in use (a copy).</summary>
    public SrCnnOptions Options => new()
    {
        WindowSize = _options.WindowSize, BackAddWindowSize = _options.BackAddWindowSize, LookaheadWindowSize = _options.LookaheadWindowSize,
        AveragingWindowSize = _options.AveragingWindowSize, JudgementWindowSize = _options.JudgementWindowSize, Threshold = _options.Threshold,
    };
}
