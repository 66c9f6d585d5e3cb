namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>Which deviations count as anomalous (ML.NET's <c>AnomalySide</c>).</summary>
public enum AnomalySide
{
    /// <summary>Both unusually high and unusually low values.</summary>
    TwoSided,
    /// <summary>Only unusually high values.</summary>
    Positive,
    /// <summary>Only unusually low values.</summary>
    Negative,
}
