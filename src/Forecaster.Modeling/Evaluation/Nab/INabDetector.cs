namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>A detector run over NAB series: one anomaly score per row, larger meaning more anomalous.</summary>
public interface INabDetector
{
    /// <summary>Name used on the command line and in reports.</summary>
    string Name { get; }

    /// <summary>Scores every row of <paramref name="data"/>; row i may use rows 0..i only (streaming, as NAB requires).</summary>
    /// <param name="data">The series.</param>
    double[] Detect(NabDataSet data);
}
