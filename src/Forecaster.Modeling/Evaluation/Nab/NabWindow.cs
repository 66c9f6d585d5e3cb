namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>An anomaly window as an inclusive range of row indices.</summary>
/// <param name="Start">First row of the window.</param>
/// <param name="End">Last row of the window (inclusive).</param>
public readonly record struct NabWindow(int Start, int End)
{
    /// <summary>Rows in the window.</summary>
    public int Width => End - Start + 1;
}
