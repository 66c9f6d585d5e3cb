using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Forecaster.Modeling.Persistence;

namespace Forecaster.Modeling.TimeSeries.Ssa;

/// <summary>
/// A fitted SSA forecaster that takes observations one at a time and forecasts from the latest ones; the counterpart
/// of ML.NET's time-series prediction engine. It can be checkpointed to a stream and restored with identical behaviour.
/// </summary>
/// <remarks>
/// The model is the lag-covariance matrix C = Σ xⱼxⱼᵀ of the lag vectors (its eigenvectors are SSA's left singular
/// vectors). Adaptive updating discounts it, C ← δC + xxᵀ, so the subspace follows the series. A forecast projects the
/// latest lag vector on the signal subspace and continues it with the minimum-norm recurrence; the interval propagates
/// the noise variance (the mean eigenvalue outside the signal subspace) through the recurrence's impulse response.
/// Characteristics: input one double per step; output <see cref="SsaForecast"/>; persisted as options, C, rank and
/// the observation buffer (format version 1); retrain when the series' seasonality changes unless adaptive.
/// </remarks>
public sealed class SsaForecastEngine
{
    private const string Kind = "ssa";
    private const int FormatVersion = 1;

    private readonly SsaForecasterOptions _options;
    private readonly int _window;
    private readonly int _rank;
    private readonly double[] _covariance;
    private double _weight;
    private readonly double[] _buffer;
    private int _count;
    private int _next;
    private Matrix<double>? _basis;
    private double[]? _coefficients;
    private double _noiseVariance;

    private SsaForecastEngine(SsaForecasterOptions options, int rank, double[] covariance, double weight, double[] buffer, int count, int next)
    {
        _options = options;
        _window = options.WindowSize;
        _rank = rank;
        _covariance = covariance;
        _weight = weight;
        _buffer = buffer;
        _count = count;
        _next = next;
    }

    /// <summary>The options the engine was fitted with (a copy; changing it does not change the engine).</summary>
    public SsaForecasterOptions Options => Copy(_options);

    /// <summary>The signal rank in use (chosen at fit time when the options left it null).</summary>
    public int Rank => _rank;

    /// <summary>Observations seen since fitting plus the training points still in the buffer (at most SeriesLength).</summary>
    public int BufferedCount => _count;

    /// <summary>Fits on the first <see cref="SsaForecasterOptions.TrainSize"/> points of <paramref name="series"/> (all when shorter).</summary>
    /// <param name="series">Observations, oldest first; finite values.</param>
    /// <param name="options">Options; validated here.</param>
    /// <exception cref="ModelOptionException">An option is out of range.</exception>
    /// <exception cref="ForecasterException">The series is shorter than 2 × WindowSize or holds a non-finite value.</exception>
    public static SsaForecastEngine Fit(ReadOnlySpan<double> series, SsaForecasterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = Copy(options);
        options.Validate();
        var length = options.WindowSize;
        var n = Math.Min(series.Length, options.TrainSize);
        if (n < 2 * length)
            throw new ForecasterException($"SSA needs at least 2*WindowSize = {2 * length} points to fit; the series has {series.Length}.");
        var train = series[..n];
        for (var i = 0; i < n; i++)
            if (!double.IsFinite(train[i])) throw new ForecasterException($"SSA series value at index {i} is not a finite number ({train[i]}).");

        var k = n - length + 1;
        var covariance = new double[length * length];
        // First row by direct sums, the rest by the sliding identity C[a+1,b+1] = C[a,b] - y[a]y[b] + y[a+K]y[b+K].
        for (var b = 0; b < length; b++)
        {
            double sum = 0;
            for (var j = 0; j < k; j++) sum += train[j] * train[j + b];
            covariance[b] = sum;
        }
        for (var a = 1; a < length; a++)
            for (var b = a; b < length; b++)
                covariance[a * length + b] = covariance[(a - 1) * length + b - 1] - train[a - 1] * train[b - 1] + train[a - 1 + k] * train[b - 1 + k];
        for (var a = 0; a < length; a++)
            for (var b = 0; b < a; b++) covariance[a * length + b] = covariance[b * length + a];

        var (values, _) = Decompose(covariance, length);
        var rank = options.Rank ?? SsaRankSelector.Choose(values, k, options.MaxRank ?? Math.Max(1, length / 2));

        var buffer = new double[options.SeriesLength];
        var engine = new SsaForecastEngine(options, rank, covariance, k, buffer, 0, 0);
        var keep = Math.Min(n, buffer.Length);
        for (var i = n - keep; i < n; i++) engine.Push(train[i]);
        return engine;
    }

    /// <summary>Adds one observation; with adaptive updating it also updates the model.</summary>
    /// <param name="value">The new observation.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public void Update(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "SSA observations must be finite.");
        Push(value);
        if (!_options.IsAdaptive || _count < _window) return;
        var lag = LatestLagVector();
        var discount = _options.DiscountFactor;
        for (var a = 0; a < _window; a++)
            for (var b = 0; b < _window; b++)
                _covariance[a * _window + b] = discount * _covariance[a * _window + b] + lag[a] * lag[b];
        _weight = discount * _weight + 1;
        _basis = null;
    }

    /// <summary>Forecasts the options' horizon from the latest observations.</summary>
    public SsaForecast Predict() => Predict(_options.Horizon);

    /// <summary>Forecasts <paramref name="horizon"/> steps from the latest observations.</summary>
    /// <param name="horizon">Steps ahead, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is below 1.</exception>
    public SsaForecast Predict(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        EnsureModel();
        var lag = LatestLagVector();
        var basis = _basis!;
        var projected = new double[_window];
        for (var i = 0; i < _rank; i++)
        {
            double dot = 0;
            for (var a = 0; a < _window; a++) dot += basis[a, i] * lag[a];
            for (var a = 0; a < _window; a++) projected[a] += dot * basis[a, i];
        }
        var forecast = new double[horizon];
        LinearRecurrence.Continue(projected.AsSpan(1), _coefficients!, forecast);
        var psi = LinearRecurrence.ImpulseResponse(_coefficients!, horizon);
        var z = Normal.InvCDF(0, 1, (1 + _options.ConfidenceLevel) / 2);
        var lower = new double[horizon];
        var upper = new double[horizon];
        double cumulative = 0;
        for (var h = 0; h < horizon; h++)
        {
            cumulative += psi[h] * psi[h];
            var half = z * Math.Sqrt(_noiseVariance * cumulative);
            lower[h] = forecast[h] - half;
            upper[h] = forecast[h] + half;
        }
        return new SsaForecast(forecast, lower, upper);
    }

    /// <summary>An independent copy with the same state.</summary>
    public SsaForecastEngine Clone() =>
        new(Copy(_options), _rank, (double[])_covariance.Clone(), _weight, (double[])_buffer.Clone(), _count, _next);

    /// <summary>Writes the full state (format version 1) so <see cref="Restore"/> continues identically.</summary>
    /// <param name="stream">Destination; left open.</param>
    public void CheckPoint(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        StateHeader.Write(writer, Kind, FormatVersion);
        var o = _options;
        writer.Write(o.WindowSize); writer.Write(o.SeriesLength); writer.Write(o.TrainSize); writer.Write(o.Horizon);
        writer.Write(o.ConfidenceLevel); writer.Write(o.Rank ?? -1); writer.Write(o.MaxRank ?? -1);
        writer.Write(o.IsAdaptive); writer.Write(o.DiscountFactor); writer.Write(o.ShouldStabilize);
        writer.Write(_rank); writer.Write(_weight);
        foreach (var v in _covariance) writer.Write(v);
        writer.Write(_count); writer.Write(_next);
        foreach (var v in _buffer) writer.Write(v);
    }

    /// <summary>Reads a state written by <see cref="CheckPoint"/>.</summary>
    /// <param name="stream">Source; left open.</param>
    /// <exception cref="ModelFormatException">The stream holds no SSA state of this format version.</exception>
    public static SsaForecastEngine Restore(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        StateHeader.Read(reader, Kind, FormatVersion);
        try
        {
            var o = new SsaForecasterOptions
            {
                WindowSize = reader.ReadInt32(), SeriesLength = reader.ReadInt32(), TrainSize = reader.ReadInt32(), Horizon = reader.ReadInt32(),
                ConfidenceLevel = reader.ReadDouble(),
            };
            var rankOption = reader.ReadInt32(); o.Rank = rankOption < 0 ? null : rankOption;
            var maxRank = reader.ReadInt32(); o.MaxRank = maxRank < 0 ? null : maxRank;
            o.IsAdaptive = reader.ReadBoolean(); o.DiscountFactor = reader.ReadDouble(); o.ShouldStabilize = reader.ReadBoolean();
            o.Validate();
            var rank = reader.ReadInt32();
            var weight = reader.ReadDouble();
            var covariance = new double[o.WindowSize * o.WindowSize];
            for (var i = 0; i < covariance.Length; i++) covariance[i] = reader.ReadDouble();
            var count = reader.ReadInt32();
            var next = reader.ReadInt32();
            var buffer = new double[o.SeriesLength];
            for (var i = 0; i < buffer.Length; i++) buffer[i] = reader.ReadDouble();
            return new SsaForecastEngine(o, rank, covariance, weight, buffer, count, next);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException("Saved ssa model state is truncated.", e);
        }
    }

    private void Push(double value)
    {
        _buffer[_next] = value;
        _next = (_next + 1) % _buffer.Length;
        if (_count < _buffer.Length) _count++;
    }

    private double[] LatestLagVector()
    {
        var lag = new double[_window];
        for (var a = 0; a < _window; a++)
        {
            var index = (_next - _window + a) % _buffer.Length;
            lag[a] = _buffer[index < 0 ? index + _buffer.Length : index];
        }
        return lag;
    }

    private void EnsureModel()
    {
        if (_basis is not null) return;
        var (values, vectors) = Decompose(_covariance, _window);
        _basis = vectors;
        var coefficients = LinearRecurrence.FromBasis(vectors, _rank);
        _coefficients = _options.ShouldStabilize ? LinearRecurrence.Stabilize(coefficients) : coefficients;
        double residual = 0;
        for (var i = _rank; i < _window; i++) residual += Math.Max(values[i], 0);
        _noiseVariance = residual / (_weight * (_window - _rank));
    }

    private static (double[] Values, Matrix<double> Vectors) Decompose(double[] covariance, int length)
    {
        var matrix = Matrix<double>.Build.DenseOfRowMajor(length, length, covariance);
        var evd = matrix.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, length).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var values = order.Select(i => evd.EigenValues[i].Real).ToArray();
        var vectors = Matrix<double>.Build.Dense(length, length);
        for (var c = 0; c < length; c++) vectors.SetColumn(c, evd.EigenVectors.Column(order[c]));
        return (values, vectors);
    }

    private static SsaForecasterOptions Copy(SsaForecasterOptions o) => new()
    {
        WindowSize = o.WindowSize, SeriesLength = o.SeriesLength, TrainSize = o.TrainSize, Horizon = o.Horizon,
        ConfidenceLevel = o.ConfidenceLevel, Rank = o.Rank, MaxRank = o.MaxRank, IsAdaptive = o.IsAdaptive,
        DiscountFactor = o.DiscountFactor, ShouldStabilize = o.ShouldStabilize,
    };
}
