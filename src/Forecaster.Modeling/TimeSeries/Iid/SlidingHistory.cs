namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>A fixed-capacity window of the latest values, oldest first, for the kernel density.</summary>
public sealed class SlidingHistory
{
    private readonly double[] _values;
    private int _count;

    /// <summary>Creates an empty history holding at most <paramref name="capacity"/> values.</summary>
    /// <param name="capacity">At least 1.</param>
    public SlidingHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    /// <summary>The values held, oldest first.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    /// <summary>Number of values held.</summary>
    public int Count => _count;

    /// <summary>Maximum number of values held.</summary>
    public int Capacity => _values.Length;

    /// <summary>Appends a value, dropping the oldest when full.</summary>
    /// <param name="value">The value.</param>
    public void Add(double value)
    {
        if (_count == _values.Length) Array.Copy(_values, 1, _values, 0, _count - 1);
        else _count++;
        _values[_count - 1] = value;
    }

    /// <summary>Writes the values.</summary>
    /// <param name="writer">Destination.</param>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_count);
        for (var i = 0; i < _count; i++) writer.Write(_values[i]);
    }

    /// <summary>Reads values written by <see cref="Save"/>.</summary>
    /// <param name="reader">Source.</param>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _count = Math.Min(reader.ReadInt32(), _values.Length);
        for (var i = 0; i < _count; i++) _values[i] = reader.ReadDouble();
    }
}
