namespace Forecaster.EarlyWarning;

/// <summary>One side's measures in each resample of <see cref="WarningBootstrap.Draw"/>; NaN where a resample leaves a measure undefined.</summary>
/// <param name="Recall">Recall per resample.</param>
/// <param name="MedianLeadHours">Median lead per resample, hours.</param>
/// <param name="AucPr">Average precision per resample.</param>
/// <param name="BrierSkill">Brier skill per resample.</param>
public sealed record MeasureDraws(double[] Recall, double[] MedianLeadHours, double[] AucPr, double[] BrierSkill)
{
    internal static MeasureDraws Empty(int resamples) => new(new double[resamples], new double[resamples], new double[resamples], new double[resamples]);
}
