namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>
/// A conformal test martingale over the last <c>window</c> p-values, restarted whenever it falls below 1 (CUSUM style).
/// Under exchangeable data each factor has expectation 1, so a threshold of 1/α bounds the false-alarm rate of one
/// run by α (Ville's inequality); restarts turn that into a long average run between false alarms.
/// Plain class; no ML.NET.
/// </summary>
public sealed class SlidingMartingale
{
    private const int MixtureGrid = 200;
    private readonly double[] _logs;
    private int _count;
    private int _next;
    private double _sum;

    /// <summary>Creates an empty martingale.</summary>
    /// <param name="type">Power or mixture.</param>
    /// <param name="epsilon">ε of the power martingale, in (0, 1).</param>
    /// <param name="window">Number of latest p-values combined, at least 1.</param>
    public SlidingMartingale(MartingaleType type, double epsilon, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (!(epsilon > 0 && epsilon < 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be in (0, 1).");
        Type = type;
        Epsilon = epsilon;
        _logs = new double[window];
    }

    /// <summary>The martingale type.</summary>
    public MartingaleType Type { get; }

    /// <summary>ε of the power martingale.</summary>
    public double Epsilon { get; }

    /// <summary>Natural log of the current martingale value (0 when empty or just restarted; never negative).</summary>
    public double LogValue { get; private set; }

    /// <summary>Adds a p-value and returns the new log martingale value.</summary>
    /// <param name="pValue">p-value in [0, 1]; values below 1e-300 are clipped so the log stays finite.</param>
    public double Add(double pValue)
    {
        var log = Math.Log(Math.Clamp(pValue, 1e-300, 1));
        if (_count == _logs.Length) _sum -= _logs[_next];
        else _count++;
        _logs[_next] = log;
        _sum += log;
        _next = (_next + 1) % _logs.Length;
        var value = Compute(_count, _sum);
        if (value < 0)
        {
            // No evidence against exchangeability: restart, as a CUSUM does, so a long quiet stretch cannot bury the
            // next change under a debt of small factors (Vovk et al., conformal change detection).
            Reset();
            return 0;
        }
        LogValue = value;
        return LogValue;
    }

    /// <summary>Forgets all p-values (after an alert, so the next change is judged afresh).</summary>
    public void Reset()
    {
        _count = 0;
        _next = 0;
        _sum = 0;
        LogValue = 0;
    }

    /// <summary>Writes the window (for persistence).</summary>
    /// <param name="writer">Destination.</param>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_count); writer.Write(_next); writer.Write(_sum); writer.Write(LogValue);
        foreach (var v in _logs) writer.Write(v);
    }

    /// <summary>Reads a window written by <see cref="Save"/> into this (same-sized) martingale.</summary>
    /// <param name="reader">Source.</param>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _count = reader.ReadInt32(); _next = reader.ReadInt32(); _sum = reader.ReadDouble(); LogValue = reader.ReadDouble();
        for (var i = 0; i < _logs.Length; i++) _logs[i] = reader.ReadDouble();
    }

    private double Compute(int count, double sumLogP)
    {
        if (Type == MartingaleType.Power) return count * Math.Log(Epsilon) + (Epsilon - 1) * sumLogP;
        // ∫₀¹ εⁿ exp((ε−1)S) dε by the midpoint rule, in log space (log-sum-exp) so large windows do not underflow.
        var max = double.NegativeInfinity;
        Span<double> terms = stackalloc double[MixtureGrid];
        for (var g = 0; g < MixtureGrid; g++)
        {
            var e = (g + 0.5) / MixtureGrid;
            terms[g] = count * Math.Log(e) + (e - 1) * sumLogP;
            max = Math.Max(max, terms[g]);
        }
        double total = 0;
        foreach (var t in terms) total += Math.Exp(t - max);
        return max + Math.Log(total / MixtureGrid);
    }
}
