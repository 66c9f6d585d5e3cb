namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>How p-values are combined into a change-point score (Vovk et al., conformal martingales).</summary>
public enum MartingaleType
{
    /// <summary>Power martingale Π ε·pᵢ^(ε−1) with a fixed ε.</summary>
    Power,
    /// <summary>Mixture martingale: the power martingale averaged over ε in [0, 1].</summary>
    Mixture,
}
