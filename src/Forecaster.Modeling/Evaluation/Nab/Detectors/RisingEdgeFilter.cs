namespace Forecaster.Modeling.Evaluation.Nab.Detectors;

/// <summary>
/// Keeps a score only when it exceeds every score of the previous <c>span</c> rows, and outputs 0 otherwise.
/// NAB charges every detection outside a window but credits only the first inside one, so a detector that stays high
/// through a long anomaly is punished; passing only new maxima keeps the first detection at any threshold.
/// Streaming: uses past rows only.
/// </summary>
public sealed class RisingEdgeFilter
{
    private readonly double[] _recent;
    private int _count;
    private int _next;

    /// <summary>Creates the filter.</summary>
    /// <param name="span">Rows a score must beat, at least 1.</param>
    public RisingEdgeFilter(int span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, 1);
        _recent = new double[span];
    }

    /// <summary>Filters the next score.</summary>
    /// <param name="score">Raw score.</param>
    public double Next(double score)
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < _count; i++) max = Math.Max(max, _recent[i]);
        _recent[_next] = score;
        _next = (_next + 1) % _recent.Length;
        if (_count < _recent.Length) _count++;
        return score > max ? score : 0;
    }
}
