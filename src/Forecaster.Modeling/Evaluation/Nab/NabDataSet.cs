namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>One NAB series with its labelled anomaly windows.</summary>
/// <param name="Name">Path relative to the data folder, e.g. <c>realTweets/Twitter_volume_AAPL.csv</c> (the key in the label files).</param>
/// <param name="Timestamps">Row timestamps, oldest first.</param>
/// <param name="Values">Row values.</param>
/// <param name="Windows">Anomaly windows as inclusive row-index ranges, in time order.</param>
public sealed record NabDataSet(string Name, DateTime[] Timestamps, double[] Values, IReadOnlyList<NabWindow> Windows)
{
    /// <summary>Rows NAB leaves unscored at the start so detectors can learn: min(⌊p·n⌋, p·5000), p = 0.15 by default.</summary>
    /// <param name="probationPercent">Share of the file, in [0, 1).</param>
    public int ProbationLength(double probationPercent = NabScorer.DefaultProbationPercent) =>
        (int)Math.Ceiling(Math.Min(Math.Floor(probationPercent * Values.Length), probationPercent * 5000));
}
