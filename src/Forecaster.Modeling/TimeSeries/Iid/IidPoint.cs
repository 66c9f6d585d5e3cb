namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>The output of an IID detector for one point.</summary>
/// <param name="Alert">Whether the point is a spike (or a change point).</param>
/// <param name="Score">Spike: the raw value. Change point: the martingale value.</param>
/// <param name="PValue">p-value of the point under the history's density (0.5 during warm-up).</param>
/// <param name="LogMartingale">Natural log of the martingale (0 for spike detection).</param>
public readonly record struct IidPoint(bool Alert, double Score, double PValue, double LogMartingale);
