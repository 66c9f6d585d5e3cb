namespace Forecaster.Modeling.TimeSeries.RelativeEntropy;

/// <summary>The output of relative-entropy detection for one point.</summary>
/// <param name="Alert">Whether the point raises an alert: its window is a new distribution and no alert was raised in the suppression period.</param>
/// <param name="Statistic">G statistic of the window against the nearest known distribution (0 while the first window fills).</param>
/// <param name="PValue">Chi-squared p-value of <see cref="Statistic"/> (1 while the first window fills).</param>
/// <param name="NewDistribution">Whether no known distribution explained the window, so it was remembered as a new one.</param>
public readonly record struct RelativeEntropyPoint(bool Alert, double Statistic, double PValue, bool NewDistribution);
